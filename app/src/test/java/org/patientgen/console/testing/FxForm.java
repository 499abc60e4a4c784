package org.patientgen.console.testing;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A robot in a long form: scroll a field into view as a user would, and replace what it holds. */
public final class FxForm {
    private FxForm() {
    }

    /** Scrolls the nearest scroll pane around {@code query}'s node so the node is in its upper part. */
    public static String reveal(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        WaitForAsyncUtils.asyncFx(() -> {
            ScrollPane pane = enclosing(node);
            if (pane != null) {
                Node content = pane.getContent();
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double hidden = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                if (hidden > 0) {
                    pane.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - 40) / hidden)));
                }
            }
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return query;
    }

    /** Scrolls to the text field {@code query}, selects all it holds and types {@code text} instead. */
    public static void retype(FxRobot robot, String query, String text) throws Exception {
        robot.clickOn(reveal(robot, query));
        robot.push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    /** The header of the tab titled {@code title} (a bare text query could match a hidden button of that name). */
    public static Node tab(FxRobot robot, String title) {
        return robot.lookup(".tab-pane > .tab-header-area .tab-label")
                .match((Labeled l) -> title.equals(l.getText())).query();
    }

    private static ScrollPane enclosing(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                return s;
            }
        }
        return null;
    }
}
