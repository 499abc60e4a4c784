package org.patientgen.console.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The screens of the sidebar, in order. */
public final class ScreenRegistry {
    private final List<Screen> screens = new ArrayList<>();

    /** Adds a screen at the end of the sidebar. */
    public ScreenRegistry register(Screen screen) {
        if (byId(screen.id()).isPresent()) {
            throw new IllegalArgumentException("screen '" + screen.id() + "' is registered already");
        }
        screens.add(screen);
        return this;
    }

    /** Every screen, in sidebar order. */
    public List<Screen> all() {
        return List.copyOf(screens);
    }

    public Optional<Screen> byId(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
