package org.patientgen.console.workflows;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.patientgen.console.jobs.JobForm;
import org.patientgen.console.jobs.JobFormat;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.screen.ScreenView;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.console.workflows.WorkflowDiagram.Selection;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.OnUpstreamFailure;

/** The workflows screen's view: binds {@code fxml/workflows/Workflows.fxml} to the {@link WorkflowsViewModel}. */
public final class WorkflowsView implements ScreenView {
    static final String RECENT_CELL = "pg-wf-recent-cell";
    static final String INSPECTOR_TITLE = "pg-section-title";

    private final ScreenContext context;
    private final WorkflowsViewModel viewModel;
    private final Parent loaded;
    private final WorkflowCanvas canvas = new WorkflowCanvas();
    /** Job forms of the current draft's nodes, made once each. */
    private final Map<DraftNode, JobForm> forms = new IdentityHashMap<>();
    private final ChangeListener<Object> redrawInspector = (obs, old, now) -> showInspector();
    private WorkflowEditorViewModel boundEditor;
    /** What the inspector shows now (a draft node or edge, or a text), so it is rebuilt only when that changes. */
    private Object inspected;

    @FXML
    private Button newButton;
    @FXML
    private Button reloadButton;
    @FXML
    private ListView<WorkflowItem> recentList;
    @FXML
    private HBox draftBar;
    @FXML
    private TextField nameField;
    @FXML
    private Button addNodeButton;
    @FXML
    private Button removeButton;
    @FXML
    private Button discardButton;
    @FXML
    private Button submitButton;
    @FXML
    private HBox watchBar;
    @FXML
    private Label watchTitle;
    @FXML
    private Label watchState;
    @FXML
    private Button cancelButton;
    @FXML
    private HBox errorBanner;
    @FXML
    private Label errorText;
    @FXML
    private HBox messageBanner;
    @FXML
    private Label messageText;
    @FXML
    private HBox submitErrorBanner;
    @FXML
    private Label submitErrorText;
    @FXML
    private Label cycleWarning;
    @FXML
    private HBox edgeBar;
    @FXML
    private ComboBox<String> edgeFromBox;
    @FXML
    private ComboBox<String> edgeToBox;
    @FXML
    private ComboBox<OnUpstreamFailure> edgePolicyBox;
    @FXML
    private Button addEdgeButton;
    @FXML
    private Label edgeProblem;
    @FXML
    private javafx.scene.control.SplitPane split;
    @FXML
    private ScrollPane canvasScroll;
    @FXML
    private Label emptyState;
    @FXML
    private VBox inspector;
    @FXML
    private Label problemText;

    public WorkflowsView(ScreenContext context) {
        this.context = context;
        this.viewModel = new WorkflowsViewModel(context.connections().activeProperty(), context.tasks(),
                context.ticker(), context.dialogs(), context.freshness(), context.clock());
        this.loaded = Fxml.load("/fxml/workflows/Workflows.fxml", this);
    }

    public WorkflowsViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        Controls.action(newButton, "new-workflow", MaterialDesignP.PLUS, viewModel.connectedProperty().not());
        newButton.getStyleClass().add(Styles.ACCENT);
        Controls.iconButton(reloadButton, MaterialDesignR.REFRESH, "Reload");
        buildRecent();

        Controls.action(addNodeButton, "add-node", MaterialDesignP.PLUS_BOX_OUTLINE);
        Controls.action(removeButton, "remove-selected", MaterialDesignD.DELETE_OUTLINE);
        Controls.action(discardButton, "discard-draft", MaterialDesignC.CLOSE);
        Controls.action(submitButton, "submit-workflow", MaterialDesignS.SEND, Styles.ACCENT);
        Controls.action(addEdgeButton, "add-edge", MaterialDesignV.VECTOR_LINE);
        Controls.action(cancelButton, "cancel-workflow", MaterialDesignC.CANCEL, viewModel.canCancelProperty().not());
        cancelButton.getStyleClass().add(Styles.DANGER);
        nameField.setId("workflow-name");
        edgeFromBox.setId("edge-from");
        edgeToBox.setId("edge-to");
        edgePolicyBox.setId("edge-policy");
        edgePolicyBox.getItems().setAll(OnUpstreamFailure.values());
        edgePolicyBox.setConverter(policyText());
        edgeFromBox.setPromptText("upstream");
        edgeToBox.setPromptText("downstream");

        watchTitle.textProperty().bind(viewModel.watchTitleProperty());
        watchState.textProperty().bind(Bindings.createStringBinding(() -> viewModel.watchStateProperty().get() == null
                ? "" : WorkflowFormat.state(viewModel.watchStateProperty().get()), viewModel.watchStateProperty()));
        viewModel.watchStateProperty().addListener((obs, old, now) -> badge(watchState, now));
        watchState.setId("workflow-state");

        Controls.banner(errorBanner, errorText, viewModel.banners().errorProperty());
        Controls.banner(messageBanner, messageText, viewModel.banners().messageProperty());
        messageText.setId("workflows-message");
        submitErrorText.setId("workflow-submit-error");
        cycleWarning.setId("cycle-warning");
        problemText.setId("workflow-problem");
        emptyState.setId("workflow-empty-state");

        canvas.setId("workflow-canvas");
        canvasScroll.setContent(canvas);
        canvas.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> canvasScroll.getViewportBounds().getWidth(), canvasScroll.viewportBoundsProperty()));
        canvas.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> canvasScroll.getViewportBounds().getHeight(), canvasScroll.viewportBoundsProperty()));
        canvas.onSelect(this::select);
        viewModel.diagramProperty().addListener((obs, old, now) -> canvas.show(now));
        canvas.show(viewModel.diagramProperty().get());

        viewModel.editorProperty().addListener((obs, old, now) -> bindEditor(now));
        viewModel.watchedProperty().addListener((obs, old, now) -> refreshMode());
        viewModel.watchDetailProperty().addListener((obs, old, now) -> showInspector());
        bindEditor(null);
    }

    private void buildRecent() {
        recentList.setId("recent-workflows");
        recentList.setItems(viewModel.recent());
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        placeholder.getStyleClass().add(ConsoleStyles.EMPTY_STATE);
        placeholder.setWrapText(true);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        recentList.setPlaceholder(placeholder);
        recentList.setCellFactory(l -> new RecentCell());
        recentList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.open(now);
            }
        });
        // The list's selection follows what is shown: nothing while drafting, else the watched workflow.
        Runnable follow = () -> {
            var w = viewModel.watchedProperty().get();
            if (viewModel.editorProperty().get() != null || w == null) {
                recentList.getSelectionModel().clearSelection();
            } else {
                viewModel.recent().stream().filter(i -> i.id() == w.id()).findFirst()
                        .ifPresent(i -> recentList.getSelectionModel().select(i));
            }
        };
        viewModel.watchedProperty().addListener(o -> follow.run());
        viewModel.editorProperty().addListener(o -> follow.run());
        viewModel.recent().addListener((javafx.collections.ListChangeListener<WorkflowItem>) c -> follow.run());
    }

    /** A recent workflow: name and id, state badge, progress and when. */
    private final class RecentCell extends ListCell<WorkflowItem> {
        private final Label name = new Label();
        private final Label state = new Label();
        private final Label progress = new Label();
        private final VBox box;

        RecentCell() {
            name.getStyleClass().add("pg-wf-recent-name");
            name.setMinWidth(0);
            state.getStyleClass().add(ConsoleStyles.BADGE);
            state.setMinWidth(Region.USE_PREF_SIZE);
            progress.getStyleClass().add(ConsoleStyles.MUTED);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            progress.setMinWidth(0);
            box = new VBox(new HBox(6, name, gap, state), progress);
            box.getStyleClass().add(RECENT_CELL);
            // As wide as the list, not as the text: long names end in "…" instead of scrolling.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(WorkflowItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name() + "  #" + item.id());
            badge(state, item.state());
            state.setText(WorkflowFormat.state(item.state()));
            ZoneId zone = context.clock().getZone();
            progress.setText(item.progress() + " \u00b7 " + JobFormat.instant(item.createdAt(), zone,
                    java.time.LocalDate.now(context.clock())));
            setGraphic(box);
        }
    }

    private static void badge(Label label, JobState state) {
        label.getStyleClass().removeIf(s -> s.startsWith("pg-state-"));
        if (state != null) {
            label.getStyleClass().add(ConsoleStyles.stateClass(state));
        }
    }

    private static StringConverter<OnUpstreamFailure> policyText() {
        return new StringConverter<>() {
            @Override
            public String toString(OnUpstreamFailure policy) {
                return policy == null ? "" : WorkflowFormat.policy(policy);
            }

            @Override
            public OnUpstreamFailure fromString(String text) {
                return null;
            }
        };
    }

    // ---- draft ----

    private void bindEditor(WorkflowEditorViewModel editor) {
        if (boundEditor != null) {
            nameField.textProperty().unbindBidirectional(boundEditor.nameProperty());
            edgeFromBox.valueProperty().unbindBidirectional(boundEditor.edgeFromProperty());
            edgeToBox.valueProperty().unbindBidirectional(boundEditor.edgeToProperty());
            edgePolicyBox.valueProperty().unbindBidirectional(boundEditor.edgePolicyProperty());
            boundEditor.selectionProperty().removeListener(redrawInspector);
            boundEditor.edgeExplanationProperty().removeListener(redrawInspector);
            forms.clear();
        }
        boundEditor = editor;
        submitErrorText.textProperty().unbind();
        cycleWarning.textProperty().unbind();
        edgeProblem.textProperty().unbind();
        problemText.textProperty().unbind();
        submitButton.disableProperty().unbind();
        addEdgeButton.disableProperty().unbind();
        removeButton.disableProperty().unbind();
        if (editor != null) {
            nameField.textProperty().bindBidirectional(editor.nameProperty());
            edgeFromBox.setItems(editor.nodeNames());
            edgeToBox.setItems(editor.nodeNames());
            edgeFromBox.valueProperty().bindBidirectional(editor.edgeFromProperty());
            edgeToBox.valueProperty().bindBidirectional(editor.edgeToProperty());
            edgePolicyBox.valueProperty().bindBidirectional(editor.edgePolicyProperty());
            submitErrorText.textProperty().bind(editor.submitErrorProperty());
            cycleWarning.textProperty().bind(editor.cycleWarningProperty());
            edgeProblem.textProperty().bind(editor.edgeProblemProperty());
            problemText.textProperty().bind(editor.problemProperty());
            submitButton.disableProperty().bind(editor.canSubmitProperty().not());
            addEdgeButton.disableProperty().bind(editor.canAddEdgeProperty().not());
            removeButton.disableProperty().bind(editor.selectionProperty().isEqualTo(Selection.NONE));
            editor.selectionProperty().addListener(redrawInspector);
            editor.edgeExplanationProperty().addListener(redrawInspector);
            nameField.requestFocus();
        } else {
            submitErrorText.setText("");
            cycleWarning.setText("");
            edgeProblem.setText("");
            problemText.setText("");
        }
        refreshMode();
    }

    private void refreshMode() {
        boolean drafting = boundEditor != null;
        boolean watching = !drafting && viewModel.watchedProperty().get() != null;
        show(draftBar, drafting);
        show(edgeBar, drafting);
        show(watchBar, watching);
        show(submitErrorBanner, drafting && !submitErrorText.getText().isEmpty());
        show(cycleWarning, drafting && !cycleWarning.getText().isEmpty());
        if (drafting) {
            Controls.showWhen(submitErrorBanner, boundEditor.submitErrorProperty().isNotEmpty());
            // Once the engine has refused the draft, its own message (which names the cycle) is enough.
            Controls.showWhen(cycleWarning, boundEditor.cycleWarningProperty().isNotEmpty()
                    .and(boundEditor.submitErrorProperty().isEmpty()));
        }
        // The inspector has nothing to say until there is a draft or a workflow to watch.
        split.setDividerPositions(drafting ? 0.45 : watching ? 0.78 : 1.0);
        emptyState.setText(drafting
                ? "Press \u201cAdd node\u201d to add the first job of the workflow."
                : "Build a workflow: press \u201cNew workflow\u201d, add nodes (each one a job), connect them with"
                        + " edges and submit. Or pick a recent workflow on the left to watch it run.");
        emptyState.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.diagramProperty().get().nodes().isEmpty(), viewModel.diagramProperty()));
        showInspector();
    }

    private static void show(Node node, boolean visible) {
        node.visibleProperty().unbind();
        node.managedProperty().unbind();
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private void select(Selection s) {
        if (boundEditor != null) {
            boundEditor.select(s);
        } else {
            viewModel.selectWatched(s);
        }
    }

    /** The inspector under the canvas: the selected node's name and job, the selected edge's policy, or a hint. */
    private void showInspector() {
        if (boundEditor == null) {
            boolean watching = viewModel.watchedProperty().get() != null;
            showText(watching ? viewModel.watchDetailProperty().get() : "", "workflow-detail");
            return;
        }
        DraftNode node = boundEditor.selectedNodeProperty().get();
        DraftEdge edge = boundEditor.selectedEdgeProperty().get();
        Object now = node != null ? node : edge;
        if (now != null && now == inspected) {
            // Same node or edge (e.g. renamed while typing): keep its fields and the focus.
            return;
        }
        inspected = now;
        if (node != null) {
            inspector.getChildren().setAll(nodeEditor(node));
        } else if (edge != null) {
            inspector.getChildren().setAll(edgeEditor(edge));
        } else {
            showText(boundEditor.nodes().isEmpty()
                    ? "A workflow runs jobs in order: each node is a job, each edge makes a job wait for another."
                    : "Select a node to edit its name and job, or an edge to choose what happens when its upstream"
                            + " job fails. Connect nodes in the edge bar above.", "workflow-hint");
        }
    }

    private void showText(String text, String id) {
        inspected = text;
        Label label = new Label(text);
        label.setWrapText(true);
        label.setId(id);
        label.getStyleClass().add(ConsoleStyles.MUTED);
        inspector.getChildren().setAll(label);
    }

    private Node nodeEditor(DraftNode node) {
        TextField name = new TextField();
        name.setId("node-name");
        name.textProperty().bindBidirectional(node.nameProperty());
        Label error = new Label();
        error.getStyleClass().add(ConsoleStyles.DANGER);
        Controls.banner(error, node.nameErrorProperty());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("pg-form-grid");
        grid.addRow(0, new Label("Node name"), name);
        grid.add(error, 1, 1);
        name.setPrefWidth(260);
        grid.getColumnConstraints().add(new javafx.scene.layout.ColumnConstraints(130));
        Label jobTitle = new Label();
        jobTitle.textProperty().bind(Bindings.concat("Job of ", node.committedNameProperty()));
        jobTitle.getStyleClass().add(INSPECTOR_TITLE);
        JobForm form = forms.computeIfAbsent(node, n -> new JobForm(n.job()));
        return new VBox(8, grid, jobTitle, form.root());
    }

    private Node edgeEditor(DraftEdge edge) {
        Label title = new Label(edge.ends().upstream() + " \u2192 " + edge.ends().downstream());
        title.getStyleClass().add(INSPECTOR_TITLE);
        ComboBox<OnUpstreamFailure> policy = new ComboBox<>();
        policy.setId("selected-edge-policy");
        policy.getItems().setAll(OnUpstreamFailure.values());
        policy.setConverter(policyText());
        policy.valueProperty().bindBidirectional(edge.policyProperty());
        Label explanation = new Label();
        explanation.textProperty().bind(boundEditor.edgeExplanationProperty());
        explanation.setWrapText(true);
        explanation.getStyleClass().add(ConsoleStyles.MUTED);
        HBox row = new HBox(8, new Label("If " + edge.ends().upstream() + " fails:"), policy);
        row.setStyle("-fx-alignment: center-left;");
        return new VBox(8, title, row, explanation);
    }

    @Override
    public void attach() {
        viewModel.attach();
    }

    @Override
    public void detach() {
        viewModel.detach();
    }

    @FXML
    private void newDraft() {
        viewModel.newDraft();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void addNode() {
        boundEditor.addNode();
    }

    @FXML
    private void removeSelected() {
        boundEditor.removeSelected();
    }

    @FXML
    private void addEdge() {
        boundEditor.addEdge();
    }

    @FXML
    private void discard() {
        viewModel.discard();
    }

    @FXML
    private void submit() {
        viewModel.submitDraft();
    }

    @FXML
    private void cancelWorkflow() {
        viewModel.cancelWatched();
    }

    @FXML
    private void dismissError() {
        viewModel.banners().dismissError();
    }

    @FXML
    private void dismissMessage() {
        viewModel.banners().dismissMessage();
    }

    @FXML
    private void dismissSubmitError() {
        boundEditor.dismissSubmitError();
    }
}
