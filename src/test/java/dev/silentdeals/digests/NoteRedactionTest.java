package dev.silentdeals.digests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Notes in a digest stay short, and name no prospect unless the team wants names. */
class NoteRedactionTest {

    final NoteRedaction notes = new NoteRedaction("the prospect", "[name]", 60);

    @Test
    void masks_the_company_its_distinctive_words_and_the_contacts_names_in_any_case() {
        assertThat(notes.mask("Åsa at FJORD fisheries said Nyström's boss chose Fjord's old vendor",
                "Fjord Fisheries AS", "Åsa Nyström"))
                .isEqualTo("[name] at the prospect the prospect said [name]'s boss chose the prospect's old vendor");
    }

    @Test
    void leaves_common_company_words_and_parts_of_other_words_alone() {
        assertThat(notes.mask("The group at Atlas said the labs budget went to Atlassian", "Atlas Labs Group", "Jo"))
                .isEqualTo("The group at the prospect said the labs budget went to Atlassian");
    }

    @Test
    void shortens_long_notes_at_a_word_and_puts_them_on_one_line() {
        String shortened = notes.shorten("They liked the demo\nbut the board froze every new project until the audit is done");
        assertThat(shortened).hasSizeLessThanOrEqualTo(60).endsWith("…").doesNotContain("\n")
                .startsWith("They liked the demo but the board froze every new project");
        assertThat(notes.shorten("  Short one ")).isEqualTo("Short one");
    }
}
