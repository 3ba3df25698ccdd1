package dev.silentdeals.deals;

/** The deal's primary contact. Any field may be blank; the phone is free text as the CRM holds it. */
public record Contact(String name, String email, String phone) {

    public Contact {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip();
        phone = phone == null ? "" : phone.strip();
    }

    /** The first word of the name, or the whole name when it has one word; empty when unknown. */
    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    public boolean hasPhone() {
        return !phone.isBlank();
    }
}
