package org.patientgen.console.screen;

import java.util.Objects;
import java.util.function.Function;
import org.kordamp.ikonli.Ikon;

/**
 * A screen of the navigation sidebar. Register one in {@code org.patientgen.console.Screens} only when it works: the
 * sidebar shows every registered screen, with {@code Ctrl+1..9} in registration order.
 *
 * @param id      stable identifier, remembered as the last screen shown and used for screenshot
 *                file names, e.g. {@code jobs}
 * @param title   the sidebar label
 * @param icon    the sidebar icon (Ikonli)
 * @param factory creates the view, once, from what screens may use
 */
public record Screen(String id, String title, Ikon icon, Function<ScreenContext, ScreenView> factory) {
    public Screen {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(factory, "factory");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("screen id '" + id + "' must be lower-case letters, digits and '-'");
        }
    }
}
