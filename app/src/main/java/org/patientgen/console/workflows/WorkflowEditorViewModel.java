package org.patientgen.console.workflows;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.jobs.JobFormat;
import org.patientgen.console.jobs.SubmitJobViewModel;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Failures;
import org.patientgen.console.workflows.WorkflowDiagram.EdgeInfo;
import org.patientgen.console.workflows.WorkflowDiagram.NodeInfo;
import org.patientgen.console.workflows.WorkflowDiagram.Selection;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;

/**
 * The workflow editor: a draft's name, nodes (each a job template in the shared job form) and
 * edges (dependencies with their policy on upstream failure), drawn as a {@link WorkflowDiagram}.
 * UI thread only.
 *
 * <p><b>Cycles.</b> Every change re-checks the draft ({@link WorkflowCycles}): nodes and edges on a
 * cycle are drawn in the error colour at once, with a warning. The draft can still be submitted:
 * the engine is the authority, and its refusal — which names the cycle — is shown as it is.
 */
public final class WorkflowEditorViewModel {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Connection connection;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final String outputFolder;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<DraftNode> nodes = FXCollections.observableArrayList();
    private final ObservableList<DraftEdge> edges = FXCollections.observableArrayList();
    private final ObservableList<String> nodeNames = FXCollections.observableArrayList();
    /** Read-only views, made once: a view made per call would drop its listeners when collected. */
    private final ObservableList<DraftNode> nodesView = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<DraftEdge> edgesView = FXCollections.unmodifiableObservableList(edges);
    private final ObservableList<String> nodeNamesView = FXCollections.unmodifiableObservableList(nodeNames);
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NONE);
    private final ReadOnlyObjectWrapper<DraftNode> selectedNode = new ReadOnlyObjectWrapper<>(this, "selectedNode");
    private final ReadOnlyObjectWrapper<DraftEdge> selectedEdge = new ReadOnlyObjectWrapper<>(this, "selectedEdge");
    private final ReadOnlyStringWrapper edgeExplanation = new ReadOnlyStringWrapper(this, "edgeExplanation", "");

    private final ObjectProperty<String> edgeFrom = new SimpleObjectProperty<>(this, "edgeFrom");
    private final ObjectProperty<String> edgeTo = new SimpleObjectProperty<>(this, "edgeTo");
    private final ObjectProperty<OnUpstreamFailure> edgePolicy = new SimpleObjectProperty<>(this, "edgePolicy",
            OnUpstreamFailure.SKIP);
    private final ReadOnlyBooleanWrapper canAddEdge = new ReadOnlyBooleanWrapper(this, "canAddEdge");
    private final ReadOnlyStringWrapper edgeProblem = new ReadOnlyStringWrapper(this, "edgeProblem", "");

    private final ReadOnlyObjectWrapper<WorkflowCycles> cycles = new ReadOnlyObjectWrapper<>(this, "cycles",
            WorkflowCycles.NONE);
    private final ReadOnlyStringWrapper cycleWarning = new ReadOnlyStringWrapper(this, "cycleWarning", "");
    private final ReadOnlyObjectWrapper<WorkflowDiagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram",
            WorkflowDiagram.EMPTY);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper(this, "submitError", "");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(this, "canSubmit");

    public WorkflowEditorViewModel(Connection connection, BackgroundTasks tasks, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        String stamp = STAMP.format(LocalDateTime.now(clock));
        this.outputFolder = connection.defaultOutputRoot().map(root -> root + "/workflow-" + stamp).orElse("");
        name.addListener(o -> changed());
        selection.addListener(o -> selectionChanged());
        edgeFrom.addListener(o -> refreshEdgeChoice());
        edgeTo.addListener(o -> refreshEdgeChoice());
        changed();
    }

    // ---- nodes ----

    /** Adds a node with a fresh job template (the form's first preset) and selects it. */
    public DraftNode addNode() {
        String nodeName = freeName();
        SubmitJobViewModel job = new SubmitJobViewModel(connection, tasks, clock, OptionalDouble.empty());
        if (!outputFolder.isEmpty()) {
            job.outputProperty().set(outputFolder + "/" + nodeName);
        }
        DraftNode node = new DraftNode(nodeName, job);
        node.nameProperty().addListener(o -> rename(node));
        job.validProperty().addListener(o -> changed());
        job.firstErrorProperty().addListener(o -> changed());
        job.populationProperty().addListener(o -> changed());
        job.stateProperty().addListener(o -> changed());
        nodes.add(node);
        nodeNames.add(nodeName);
        job.start();
        selection.set(Selection.node(nodeName));
        if (edgeFrom.get() == null && nodes.size() >= 2) {
            edgeFrom.set(nodes.get(nodes.size() - 2).committedName());
            edgeTo.set(nodeName);
        }
        changed();
        return node;
    }

    private String freeName() {
        for (int i = nodes.size() + 1; ; i++) {
            String candidate = "job-" + i;
            if (node(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private Optional<DraftNode> node(String committedName) {
        return nodes.stream().filter(n -> n.committedName().equals(committedName)).findFirst();
    }

    /** Takes a typed name as the node's name if it is valid and free; else says why not. */
    private void rename(DraftNode node) {
        String typed = node.nameProperty().get() == null ? "" : node.nameProperty().get().strip();
        String old = node.committedName();
        if (!DraftNode.NAME.matcher(typed).matches()) {
            node.nameError("A node name is 1 to 100 letters, digits, '.', '_' or '-' (no spaces).");
        } else if (!typed.equals(old) && node(typed).isPresent()) {
            node.nameError("Another node is called \u201c" + typed + "\u201d; node names are unique.");
        } else {
            node.nameError("");
            if (!typed.equals(old)) {
                node.commit(typed);
                edges.forEach(e -> e.rename(old, typed));
                nodeNames.set(nodeNames.indexOf(old), typed);
                if (old.equals(edgeFrom.get())) {
                    edgeFrom.set(typed);
                }
                if (old.equals(edgeTo.get())) {
                    edgeTo.set(typed);
                }
                if (selection.get().isNode(old)) {
                    selection.set(Selection.node(typed));
                }
            }
        }
        changed();
    }

    // ---- edges ----

    private void refreshEdgeChoice() {
        String from = edgeFrom.get();
        String to = edgeTo.get();
        if (from == null || to == null) {
            edgeProblem.set(nodes.size() < 2 && nodes.size() > 0 ? "Add a second node to connect them." : "");
            canAddEdge.set(false);
        } else if (edge(new Dependency(from, to)).isPresent()) {
            edgeProblem.set(from + " \u2192 " + to + " exists already.");
            canAddEdge.set(false);
        } else {
            edgeProblem.set("");
            canAddEdge.set(true);
        }
    }

    private Optional<DraftEdge> edge(Dependency d) {
        return edges.stream().filter(e -> e.ends().equals(d)).findFirst();
    }

    /**
     * Adds the edge chosen in the edge bar ({@link #edgeFromProperty()} → {@link #edgeToProperty()}
     * with {@link #edgePolicyProperty()}) and selects it. An edge that closes a cycle is added too,
     * and shown in the error colour.
     */
    public void addEdge() {
        refreshEdgeChoice();
        if (!canAddEdge.get()) {
            return;
        }
        Dependency d = new Dependency(edgeFrom.get(), edgeTo.get());
        DraftEdge edge = new DraftEdge(d, edgePolicy.get());
        edge.policyProperty().addListener(o -> {
            changed();
            selectionChanged();
        });
        edges.add(edge);
        selection.set(Selection.edge(d));
        // Ready for the next edge from the same node.
        edgeTo.set(null);
        refreshEdgeChoice();
        changed();
    }

    /** Removes the selected node (with its edges) or edge. */
    public void removeSelected() {
        Selection s = selection.get();
        if (s.node() != null) {
            node(s.node()).ifPresent(n -> {
                edges.removeIf(e -> e.ends().upstream().equals(s.node()) || e.ends().downstream().equals(s.node()));
                nodes.remove(n);
                nodeNames.remove(s.node());
                if (s.node().equals(edgeFrom.get())) {
                    edgeFrom.set(null);
                }
                if (s.node().equals(edgeTo.get())) {
                    edgeTo.set(null);
                }
            });
        } else if (s.edge() != null) {
            edges.removeIf(e -> e.ends().equals(s.edge()));
        }
        selection.set(Selection.NONE);
        refreshEdgeChoice();
        changed();
    }

    // ---- selection ----

    /** Selects a node, an edge, or nothing (a click on the canvas). */
    public void select(Selection s) {
        selection.set(s == null ? Selection.NONE : s);
    }

    private void selectionChanged() {
        Selection s = selection.get();
        selectedNode.set(s.node() == null ? null : node(s.node()).orElse(null));
        DraftEdge e = s.edge() == null ? null : edge(s.edge()).orElse(null);
        selectedEdge.set(e);
        edgeExplanation.set(e == null ? "" : WorkflowFormat.policyExplanation(e.policyProperty().get(),
                e.ends().upstream(), e.ends().downstream()));
        rebuildDiagram();
    }

    // ---- checks and the picture ----

    private void changed() {
        List<String> names = nodes.stream().map(DraftNode::committedName).toList();
        WorkflowCycles found = WorkflowCycles.of(names, edges.stream().map(DraftEdge::ends).toList());
        cycles.set(found);
        cycleWarning.set(found.isEmpty() ? "" : found.describe() + " is a cycle: none of its jobs could ever start,"
                + " so the engine will refuse this workflow. Remove or reverse one of the red edges.");
        problem.set(firstProblem());
        canSubmit.set(problem.get().isEmpty() && !submitting.get());
        rebuildDiagram();
    }

    private String firstProblem() {
        if (name.get().isBlank()) {
            return "Give the workflow a name.";
        }
        if (name.get().strip().length() > 200) {
            return "A workflow name has at most 200 characters.";
        }
        if (nodes.isEmpty()) {
            return "Add at least one node: each node is a job.";
        }
        for (DraftNode n : nodes) {
            if (!n.nameErrorProperty().get().isEmpty()) {
                return "Node \u201c" + n.nameProperty().get() + "\u201d: " + n.nameErrorProperty().get();
            }
        }
        for (DraftNode n : nodes) {
            if (!n.job().validProperty().get()) {
                return "Node \u201c" + n.committedName() + "\u201d: " + n.job().firstErrorProperty().get();
            }
        }
        return "";
    }

    private void rebuildDiagram() {
        List<NodeInfo> infos = new ArrayList<>();
        for (DraftNode n : nodes) {
            boolean valid = n.job().validProperty().get();
            infos.add(new NodeInfo(n.committedName(), valid ? detail(n) : "its job needs fixing", null, !valid));
        }
        List<EdgeInfo> edgeInfos = edges.stream().map(e -> new EdgeInfo(e.ends(), e.policyProperty().get())).toList();
        diagram.set(WorkflowDiagram.of(infos, edgeInfos, cycles.get(), selection.get()));
    }

    private static String detail(DraftNode n) {
        String population = n.job().populationProperty().get().strip().replace(",", "").replace("_", "");
        try {
            return JobFormat.count(Long.parseLong(population)) + " patients \u00b7 " + n.job().stateProperty().get();
        } catch (NumberFormatException e) {
            return n.job().stateProperty().get();
        }
    }

    // ---- submit ----

    /** The definition the draft describes. @throws IllegalArgumentException naming what is wrong */
    WorkflowDefinition definition() {
        List<WorkflowNode> wfNodes = nodes.stream().map(n -> new WorkflowNode(n.committedName(), n.job().submission()))
                .toList();
        List<WorkflowEdge> wfEdges = edges.stream().map(e -> new WorkflowEdge(e.ends().upstream(),
                e.ends().downstream(), e.policyProperty().get())).toList();
        return new WorkflowDefinition(name.get(), wfNodes, wfEdges);
    }

    /**
     * Submits the draft; {@code onSubmitted} runs with the stored workflow. A refusal (a cycle, a job
     * the engine cannot run) shows in {@link #submitErrorProperty()} in the engine's words.
     */
    public void submit(Consumer<Workflow> onSubmitted) {
        if (!canSubmit.get()) {
            return;
        }
        WorkflowDefinition definition;
        try {
            definition = definition();
        } catch (IllegalArgumentException e) {
            submitError.set(Failures.message(e));
            return;
        }
        submitting.set(true);
        canSubmit.set(false);
        submitError.set("");
        tasks.task("Submitting workflow " + definition.name(), p -> connection.service().submitWorkflow(definition))
                .onSuccess(workflow -> {
                    submitting.set(false);
                    changed();
                    onSubmitted.accept(workflow);
                })
                .onFailure(e -> {
                    submitting.set(false);
                    submitError.set(Failures.message(e));
                    changed();
                })
                .start();
    }

    /** Hides the engine's refusal. */
    public void dismissSubmitError() {
        submitError.set("");
    }

    // ---- properties ----

    public StringProperty nameProperty() {
        return name;
    }

    /** The nodes, in the order they were added. */
    public ObservableList<DraftNode> nodes() {
        return nodesView;
    }

    /** The edges, in the order they were added. */
    public ObservableList<DraftEdge> edges() {
        return edgesView;
    }

    /** The nodes' names, for the edge bar's choices. */
    public ObservableList<String> nodeNames() {
        return nodeNamesView;
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** The selected node, or null. */
    public ReadOnlyObjectProperty<DraftNode> selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    /** The selected edge, or null. */
    public ReadOnlyObjectProperty<DraftEdge> selectedEdgeProperty() {
        return selectedEdge.getReadOnlyProperty();
    }

    /** What the selected edge's policy does, in one sentence. */
    public ReadOnlyStringProperty edgeExplanationProperty() {
        return edgeExplanation.getReadOnlyProperty();
    }

    /** The edge bar's upstream node. */
    public ObjectProperty<String> edgeFromProperty() {
        return edgeFrom;
    }

    /** The edge bar's downstream node. */
    public ObjectProperty<String> edgeToProperty() {
        return edgeTo;
    }

    /** The edge bar's policy. */
    public ObjectProperty<OnUpstreamFailure> edgePolicyProperty() {
        return edgePolicy;
    }

    public ReadOnlyBooleanProperty canAddEdgeProperty() {
        return canAddEdge.getReadOnlyProperty();
    }

    /** Why the edge bar's edge cannot be added, or empty. */
    public ReadOnlyStringProperty edgeProblemProperty() {
        return edgeProblem.getReadOnlyProperty();
    }

    /** Nodes and edges on a cycle. */
    public ReadOnlyObjectProperty<WorkflowCycles> cyclesProperty() {
        return cycles.getReadOnlyProperty();
    }

    /** A warning naming a cycle, or empty. */
    public ReadOnlyStringProperty cycleWarningProperty() {
        return cycleWarning.getReadOnlyProperty();
    }

    /** The picture of the draft. */
    public ReadOnlyObjectProperty<WorkflowDiagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    /** What must be fixed before submitting, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The engine's refusal, or empty. */
    public ReadOnlyStringProperty submitErrorProperty() {
        return submitError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }
}
