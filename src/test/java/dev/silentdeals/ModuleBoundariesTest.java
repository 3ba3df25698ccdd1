package dev.silentdeals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each capability is a module (a top-level package); others may use only its top-level public types,
 * never its sub-packages, and modules never depend on each other in a cycle.
 */
class ModuleBoundariesTest {

    private final ApplicationModules modules = ApplicationModules.of(SilentDealsApplication.class);

    @Test
    void every_capability_named_in_the_design_is_a_module() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("crm", "deals", "silence", "nudges", "truth", "slack", "reps", "teams", "redis");
    }

    @Test
    void modules_only_use_each_others_published_types_and_have_no_cycles() {
        modules.verify();
    }

    @Test
    void the_rules_depend_on_no_framework() {
        noClasses().that().haveSimpleNameEndingWith("Rule").or().haveSimpleNameEndingWith("Rules")
                .or().haveSimpleName("BusinessDays").or().haveSimpleName("WorkingWeek")
                .or().haveSimpleName("WorkingHours")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "redis..", "com.slack..")
                .check(new ClassFileImporter().importPackages("dev.silentdeals"));
    }
}
