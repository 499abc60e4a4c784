package org.patientgen.console;

import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.patientgen.console.dashboard.DashboardView;
import org.patientgen.console.jobs.JobsView;
import org.patientgen.console.screen.Screen;
import org.patientgen.console.screen.ScreenRegistry;
import org.patientgen.console.servers.ServersView;

/**
 * The screens of the sidebar, in order (Ctrl+1 is the first). Add a screen here when it works —
 * never a placeholder. The screenshot test renders every screen listed here.
 */
public final class Screens {
    private Screens() {
    }

    public static ScreenRegistry all() {
        return new ScreenRegistry()
                .register(new Screen("jobs", "Jobs", MaterialDesignF.FORMAT_LIST_CHECKS, JobsView::new))
                .register(new Screen("dashboard", "Dashboard", MaterialDesignV.VIEW_DASHBOARD, DashboardView::new))
                .register(new Screen("servers", "Servers", MaterialDesignS.SERVER_NETWORK, ServersView::new));
    }
}
