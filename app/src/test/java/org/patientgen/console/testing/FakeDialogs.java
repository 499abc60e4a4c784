package org.patientgen.console.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.patientgen.console.dialog.Dialogs;

/** {@link Dialogs} answered by the test; records what was asked. */
public final class FakeDialogs implements Dialogs {
    public final List<Confirmation> confirmations = new ArrayList<>();
    public boolean confirmAnswer = true;
    public OptionalInt integerAnswer = OptionalInt.empty();

    @Override
    public boolean confirm(Confirmation confirmation) {
        confirmations.add(confirmation);
        return confirmAnswer;
    }

    @Override
    public OptionalInt askInteger(String title, String header, String label, int initial, int min, int max) {
        return integerAnswer;
    }
}
