using System.Collections.Immutable;
using EffNetBench.Core.Graph;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>
/// Which nodes of the analysed graph each traced node covers. The runtime runs an optimized graph: it renames nodes it
/// rewrites (a Conv in the NCHWc layout is "&lt;name&gt;_nchwc", x*sigmoid(x) becomes "&lt;Mul's name&gt;/QuickGeluFusion/"),
/// absorbs nodes into others (BatchNormalization into the Conv before it, Sigmoid into QuickGelu) and adds its own
/// (ReorderInput/ReorderOutput of the layout change). A traced node is matched to the original node of its name, or of
/// the longest prefix of its name that ends at a separator; a traced node without a name (the model left its nodes
/// unnamed) to the next unmatched original of the same operator and output shape, in execution order. An original
/// node no traced node names is absorbed by the traced node of its producer when it is that producer's only consumer
/// (fused into it), or else of its consumers when they all belong to one traced node; a node with multiply-adds only by
/// a traced node that runs a convolution or matrix product.
/// </summary>
internal sealed class GraphMatch
{
    private readonly ImmutableArray<NodeCost> _originals;
    private readonly int[] _owner;

    private GraphMatch(ImmutableArray<NodeCost> originals, int traced)
    {
        _originals = originals;
        _owner = Enumerable.Repeat(-1, originals.Length).ToArray();
        Primary = Enumerable.Repeat(-1, traced).ToArray();
    }

    /// <summary>Per traced node, the original it was matched to by name or shape; -1 when unmatched.</summary>
    public int[] Primary { get; }

    /// <summary>Traced nodes without a name.</summary>
    public int Unnamed { get; private set; }

    /// <summary>Unnamed traced nodes matched by operator and output shape.</summary>
    public int UnnamedMatched { get; private set; }

    /// <summary>Original nodes of traced node <paramref name="traced"/>, its primary first.</summary>
    public IEnumerable<NodeCost> Members(int traced)
    {
        if (Primary[traced] < 0)
        {
            yield break;
        }

        yield return _originals[Primary[traced]];
        for (int i = 0; i < _owner.Length; i++)
        {
            if (_owner[i] == traced && i != Primary[traced])
            {
                yield return _originals[i];
            }
        }
    }

    /// <summary>Original nodes no traced node covers (constant-folded, removed, or not recognised).</summary>
    public IEnumerable<NodeCost> Uncovered() => _originals.Where((_, i) => _owner[i] < 0);

    public static GraphMatch Of(ImmutableArray<NodeCost> originals, IReadOnlyList<TraceKernel> traced)
    {
        var match = new GraphMatch(originals, traced.Count);
        match.ByName(traced);
        match.Absorb(traced);
        return match;
    }

    private void ByName(IReadOnlyList<TraceKernel> traced)
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _originals.Length; i++)
        {
            if (!byName.TryGetValue(_originals[i].Name, out List<int>? list))
            {
                byName[_originals[i].Name] = list = [];
            }

            list.Add(i);
        }

        for (int t = 0; t < traced.Count; t++)
        {
            TraceKernel k = traced[t];
            int found = k.Name.Length == 0 ? ByShape(k) : ByNameOrPrefix(byName, k.Name);
            if (k.Name.Length == 0)
            {
                Unnamed++;
                UnnamedMatched += found >= 0 ? 1 : 0;
            }

            if (found >= 0)
            {
                Primary[t] = found;
                _owner[found] = t;
            }
        }
    }

    private int ByNameOrPrefix(Dictionary<string, List<int>> byName, string name)
    {
        for (int end = name.Length; end > 0; end--)
        {
            if (end < name.Length && char.IsLetterOrDigit(name[end]))
            {
                continue; // a prefix must end where the runtime's suffix starts ("_nchwc", "/QuickGeluFusion/")
            }

            if (byName.TryGetValue(name[..end], out List<int>? candidates) && candidates.FirstOrDefault(i => _owner[i] < 0, -1) is int free and >= 0)
            {
                return free;
            }
        }

        return -1;
    }

    private int ByShape(TraceKernel k)
    {
        ImmutableArray<long> shape = k.OutputShapes.IsDefaultOrEmpty ? [] : k.OutputShapes[0];
        for (int i = 0; i < _originals.Length; i++)
        {
            NodeCost o = _originals[i];
            if (_owner[i] < 0 && o.OpType == k.OpType && !shape.IsEmpty && o.OutputShape.SequenceEqual(shape))
            {
                return i;
            }
        }

        return -1;
    }

    private void Absorb(IReadOnlyList<TraceKernel> traced)
    {
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _originals.Length; i++)
        {
            foreach (string output in _originals[i].Outputs)
            {
                producer.TryAdd(output, i);
            }

            foreach (string input in _originals[i].Inputs.Distinct())
            {
                if (!consumers.TryGetValue(input, out List<int>? list))
                {
                    consumers[input] = list = [];
                }

                list.Add(i);
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int a = 0; a < _originals.Length; a++)
            {
                if (_owner[a] >= 0)
                {
                    continue;
                }

                // A convolution or matrix product is only ever absorbed by a traced node that runs one (Conv with its
                // activation named after the activation); anything else (BatchNormalization, an activation) by the node
                // before it first.
                int intoProducer = FusedIntoProducer(a, producer, consumers);
                int intoConsumers = FusedIntoConsumers(a, consumers);
                // Nor is work before a convolution fused into it (only data movement such as Pad, which costs nothing).
                NodeCost node = _originals[a];
                int owner = node.Macs > 0
                    ? new[] { intoConsumers, intoProducer }.FirstOrDefault(o => o >= 0 && RunsProducts(traced[o]), -1)
                    : intoProducer >= 0 ? intoProducer
                    : intoConsumers >= 0 && (node.Flops == 0 || !RunsProducts(traced[intoConsumers])) ? intoConsumers
                    : -1;

                if (owner >= 0)
                {
                    _owner[a] = owner;
                    changed = true;
                }
            }
        }
    }

    private static bool RunsProducts(TraceKernel k) =>
        k.OpType.Contains("Conv", StringComparison.Ordinal) || k.OpType.Contains("MatMul", StringComparison.Ordinal)
        || k.OpType.Contains("Gemm", StringComparison.Ordinal) || k.OpType.Contains("Attention", StringComparison.Ordinal);

    private int FusedIntoProducer(int a, Dictionary<string, int> producer, Dictionary<string, List<int>> consumers)
    {
        foreach (string input in _originals[a].Inputs)
        {
            if (producer.TryGetValue(input, out int p) && _owner[p] >= 0 && consumers[input] is [int only] && only == a)
            {
                return _owner[p];
            }
        }

        return -1;
    }

    private int FusedIntoConsumers(int a, Dictionary<string, List<int>> consumers)
    {
        int owner = -1;
        foreach (string output in _originals[a].Outputs)
        {
            if (!consumers.TryGetValue(output, out List<int>? users))
            {
                return -1; // a graph output: the node ran on its own, or not at all
            }

            foreach (int user in users)
            {
                if (_owner[user] < 0 || (owner >= 0 && _owner[user] != owner))
                {
                    return -1;
                }

                owner = _owner[user];
            }
        }

        return owner;
    }
}
