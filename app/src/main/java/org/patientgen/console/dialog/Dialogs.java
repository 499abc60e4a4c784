package org.patientgen.console.dialog;

import java.util.OptionalInt;

/**
 * Questions a ViewModel asks the user. Injected, so ViewModel tests answer with a fake; the console
 * uses {@link FxDialogs}. Called on the UI thread; the call returns when the user has answered.
 */
public interface Dialogs {
    /** Asks to go ahead with {@code confirmation}; true when the user confirmed. */
    boolean confirm(Confirmation confirmation);

    /**
     * Asks for a whole number between {@code min} and {@code max}; empty when the user cancelled.
     *
     * @param title   window title
     * @param header  what is asked, in a sentence
     * @param label   the field's label
     * @param initial the value offered
     */
    OptionalInt askInteger(String title, String header, String label, int initial, int min, int max);

    /**
     * A question before an action.
     *
     * @param title        window title
     * @param header       the question, e.g. "Cancel 3 jobs?"
     * @param detail       what will happen, in plain words
     * @param confirmLabel the confirming button's label (a verb: "Cancel jobs"), never just "OK"
     * @param backLabel    the other button's label, saying what not confirming means ("Keep them")
     * @param destructive  whether the action cannot be undone (the button is styled as dangerous, and
     *                     the other one is the default)
     */
    record Confirmation(String title, String header, String detail, String confirmLabel, String backLabel,
                        boolean destructive) {
    }
}
