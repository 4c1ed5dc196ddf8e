using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Graph;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>
/// The profile of a case as a pure function of the runtime's trace and the graph analysis (no ONNX Runtime here):
/// per-node medians, each traced node matched back to the analysed graph (<see cref="GraphMatch"/>) for its FLOPs and
/// bytes, and the aggregates per operator kind, per stage and per provider.
/// </summary>
public static class ProfileJoin
{
    public const string CpuProvider = "CPUExecutionProvider";

    /// <param name="traceText">The trace file's text.</param>
    /// <param name="analysis">The analysis of the model that ran (at the case's batch); null when it could not be analysed.</param>
    public static ProfileSummary Join(string traceText, GraphAnalysis? analysis, ProfileJoinOptions options)
    {
        ArgumentNullException.ThrowIfNull(traceText);
        ArgumentNullException.ThrowIfNull(options);
        ProfileTrace trace;
        try
        {
            trace = ProfileTraceReader.Parse(traceText);
        }
        catch (ProfileTraceException e)
        {
            return Empty(options, $"the trace {options.TraceFile ?? string.Empty} cannot be read: {e.Message}".Replace("  ", " ", StringComparison.Ordinal));
        }

        return Join(trace, analysis, options);
    }

    public static ProfileSummary Join(ProfileTrace trace, GraphAnalysis? analysis, ProfileJoinOptions options)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(options);
        NodeTimes times = NodeTimes.Of(trace, options.WarmupRuns);
        var warnings = new List<string>(times.Warnings);
        if (times.Nodes.IsEmpty)
        {
            warnings.Add("the trace holds no node executions of a profiled inference (cat \"Node\", \"<node>_kernel_time\"): the provider may not report node times to the profiler");
            return Empty(options, [.. warnings]) with { Inferences = times.Inferences };
        }

        if (times.Inferences < options.RequestedInferences)
        {
            warnings.Add(Text($"{times.Inferences} of the {options.RequestedInferences} requested inferences are in the trace"));
        }

        if (analysis is null)
        {
            warnings.Add("the model could not be analysed: FLOPs and bytes are unknown and no node is matched");
        }

        ImmutableArray<TraceKernel> kernels = [.. times.Nodes.Select(n => n.Kernel)];
        GraphMatch match = GraphMatch.Of(analysis?.Nodes ?? [], kernels);
        var nodes = ImmutableArray.CreateBuilder<ProfiledNode>(kernels.Length);
        for (int t = 0; t < kernels.Length; t++)
        {
            nodes.Add(Node(kernels[t], times.Nodes[t].MedianUs, [.. match.Members(t)], options.StageOf) with { SpreadUs = times.Nodes[t].SpreadUs });
        }

        ImmutableArray<ProfiledNode> profiled = options.StageOf is null ? nodes.ToImmutable() : InheritStages(nodes.ToImmutable());
        Warn(warnings, match, profiled, analysis, options);
        double nodeTimeMs = profiled.Sum(n => n.MedianUs) / 1000;
        return new ProfileSummary(
            times.Inferences,
            options.TraceFile,
            nodeTimeMs,
            options.CaseMedianMs,
            profiled,
            [.. Groups(profiled, n => n.Kind, nodeTimeMs).OrderByDescending(g => g.TimeMs).ThenBy(g => g.Name, StringComparer.Ordinal)],
            options.StageOf is null ? [] : [.. Groups(profiled.Where(n => n.Stage is not null), n => n.Stage!, nodeTimeMs)],
            [.. profiled.GroupBy(n => n.Provider, StringComparer.Ordinal)
                .Select(g => new ProviderPlacement(g.Key, g.Count(), g.Sum(n => n.MedianUs) / 1000, nodeTimeMs > 0 ? g.Sum(n => n.MedianUs) / 1000 / nodeTimeMs : 0))
                .OrderByDescending(p => p.TimeMs).ThenBy(p => p.Provider, StringComparer.Ordinal)],
            !options.CpuCase && profiled.Any(n => n.Provider == CpuProvider),
            [.. warnings]);
    }

    /// <summary>A profile with no nodes and the reason, so the case says why it has none.</summary>
    public static ProfileSummary Empty(ProfileJoinOptions options, params string[] warnings)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProfileSummary(0, options.TraceFile, 0, options.CaseMedianMs, [], [], [], [], false, [.. warnings]);
    }

    private static ProfiledNode Node(TraceKernel k, double medianUs, ImmutableArray<NodeCost> members, Func<string, string?>? stageOf)
    {
        bool matched = !members.IsEmpty;
        NodeCost? primary = matched ? members[0] : null;
        bool costed = matched && members.All(m => m.Flops >= 0);
        (long? read, long? written) = matched ? GroupBytes(members) : (null, null);
        // A fused Conv is a convolution whatever it is named after (a Conv with its Sigmoid is named after the Sigmoid).
        string kind = members.FirstOrDefault(m => m.Kind.StartsWith(OperatorKind.Conv, StringComparison.Ordinal))?.Kind ?? KindFromTrace(k);
        return new ProfiledNode(
            k.Name.Length > 0 ? k.Name : Text($"({k.OpType} #{k.NodeIndex ?? "?"})"),
            k.OpType,
            kind,
            primary is null ? null : stageOf?.Invoke(primary.Name),
            k.Provider,
            medianUs,
            costed ? members.Sum(m => (double)m.Flops) : null,
            costed ? members.Sum(m => (double)m.Macs) : null,
            read,
            written,
            matched,
            [.. members.Select(m => m.Name)]);
    }

    /// <summary>Bytes entering the group (inputs no member produces, each once) and leaving it (outputs a non-member
    /// reads, or nobody: graph outputs); null when a size is unknown.</summary>
    private static (long? Read, long? Written) GroupBytes(ImmutableArray<NodeCost> members)
    {
        var produced = new HashSet<string>(members.SelectMany(m => m.Outputs), StringComparer.Ordinal);
        var readInside = new HashSet<string>(members.SelectMany(m => m.Inputs), StringComparer.Ordinal);
        long? read = 0, written = 0;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (NodeCost m in members)
        {
            for (int i = 0; i < m.Inputs.Length; i++)
            {
                if (!produced.Contains(m.Inputs[i]) && counted.Add(m.Inputs[i]))
                {
                    read = i < m.InputBytes.Length && m.InputBytes[i] is long b ? read + b : null;
                }
            }

            for (int i = 0; i < m.Outputs.Length; i++)
            {
                // An output another member reads stays inside the fused node.
                if (!readInside.Contains(m.Outputs[i]))
                {
                    written = i < m.OutputBytes.Length && m.OutputBytes[i] is long b ? written + b : null;
                }
            }
        }

        return (read, written);
    }

    /// <summary>A convolution the graph does not know, classified from the trace's shapes (input [N, C, ...], weight
    /// [M, C/group, k...]); any other node by the operator the runtime ran.</summary>
    private static string KindFromTrace(TraceKernel k)
    {
        if (k.OpType.Contains("Conv", StringComparison.Ordinal) && k.InputShapes.Length >= 2
            && k.InputShapes[0] is { Length: > 2 } x && k.InputShapes[1] is { Length: > 2 } w && w[1] > 0 && x[1] % w[1] == 0)
        {
            return OperatorKind.OfConv(x[1], x[1] / w[1], [.. w.Skip(2)]);
        }

        return k.OpType;
    }

    /// <summary>A node the runtime added (a layout reorder) belongs to the stage of the node before it in execution
    /// order (the first ones to the stage of the first node that has one).</summary>
    private static ImmutableArray<ProfiledNode> InheritStages(ImmutableArray<ProfiledNode> nodes)
    {
        string? current = nodes.FirstOrDefault(n => n.Stage is not null)?.Stage;
        var result = ImmutableArray.CreateBuilder<ProfiledNode>(nodes.Length);
        foreach (ProfiledNode n in nodes)
        {
            current = n.Stage ?? current;
            result.Add(n.Stage is null ? n with { Stage = current } : n);
        }

        return result.ToImmutable();
    }

    private static IEnumerable<ProfileGroup> Groups(IEnumerable<ProfiledNode> nodes, Func<ProfiledNode, string> key, double nodeTimeMs)
    {
        List<ProfiledNode> all = [.. nodes];
        double flops = all.Sum(n => n.Flops ?? 0);
        return all.GroupBy(key, StringComparer.Ordinal).Select(g =>
        {
            double timeMs = g.Sum(n => n.MedianUs) / 1000;
            double groupFlops = g.Sum(n => n.Flops ?? 0);
            return new ProfileGroup(g.Key, g.Count(), timeMs, nodeTimeMs > 0 ? timeMs / nodeTimeMs : 0, groupFlops, flops > 0 ? groupFlops / flops : 0,
                g.Sum(n => (double)((n.BytesRead ?? 0) + (n.BytesWritten ?? 0))));
        });
    }

    private static void Warn(List<string> warnings, GraphMatch match, ImmutableArray<ProfiledNode> nodes, GraphAnalysis? analysis, ProfileJoinOptions options)
    {
        if (options.UnnamedNodes > 0)
        {
            // ONNX Runtime names an unnamed node "<op_type>_<index in the graph>" when it loads the model, as the analysis does.
            warnings.Add(Text($"{options.UnnamedNodes} nodes of the model have no name: matched through the names ONNX Runtime and the analysis both give them, <op_type>_<position in the graph>"));
        }

        if (match.Unnamed > 0)
        {
            warnings.Add(Text($"{match.Unnamed} traced nodes have no name (the model's nodes are unnamed): matched to the graph by operator and output shape in execution order, {match.UnnamedMatched} of them"));
        }

        List<ProfiledNode> unmatched = [.. nodes.Where(n => !n.Matched)];
        if (analysis is not null && unmatched.Count > 0)
        {
            warnings.Add(Text($"{unmatched.Count} traced nodes match no node of the graph (added or renamed by the runtime's optimizer, e.g. {string.Join(", ", unmatched.Take(3).Select(n => n.Name))}): listed with matched false, no FLOPs or bytes, {unmatched.Sum(n => n.MedianUs) / 1000:0.###} ms"));
        }

        List<NodeCost> uncovered = [.. match.Uncovered()];
        if (uncovered.Count > 0)
        {
            long flops = uncovered.Sum(n => n.Flops);
            warnings.Add(Text($"{uncovered.Count} graph nodes are in no traced node (folded or removed by the optimizer, or not recognised; e.g. {string.Join(", ", uncovered.Take(3).Select(n => n.Name))}), {flops} FLOPs"));
        }

        if (analysis is { NotCounted.IsEmpty: false } a)
        {
            warnings.Add(Text($"{a.NotCounted.Length} graph nodes could not be costed by the analysis: their FLOPs are unknown"));
        }

        if (!options.CpuCase)
        {
            warnings.Add("on a GPU provider a node's time in the trace is the host's time of its kernel call; with asynchronous kernels it is not the device's execution time");
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
