package dev.silentdeals.nudges;

/**
 * The words for the rep: the call script always; the voicemail and email versions only once the rep
 * has tried to call twice without reaching the contact (null before that).
 */
public record CallScript(String call, String voicemail, String emailSubject, String emailBody) {

    public boolean hasLastResortVersions() {
        return voicemail != null;
    }
}
