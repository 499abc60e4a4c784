package org.patientgen.console;

import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.patientgen.console.dashboard.DashboardView;
import org.patientgen.console.jobs.JobsView;
import org.patientgen.console.pool.PoolView;
import org.patientgen.console.schedules.SchedulesView;
import org.patientgen.console.screen.Screen;
import org.patientgen.console.screen.ScreenRegistry;
import org.patientgen.console.servers.ServersView;
import org.patientgen.console.workflows.WorkflowsView;

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
                .register(new Screen("schedules", "Schedules", MaterialDesignC.CALENDAR_CLOCK, SchedulesView::new))
                .register(new Screen("workflows", "Workflows", MaterialDesignS.SITEMAP_OUTLINE, WorkflowsView::new))
                .register(new Screen("pool", "Pool", MaterialDesignD.DATABASE_COG, PoolView::new))
                .register(new Screen("servers", "Servers", MaterialDesignS.SERVER_NETWORK, ServersView::new));
    }
}
