using System.Collections.Immutable;
using System.Globalization;
using Onnx;

namespace EffNetBench.Core.Graph;

/// <summary>One pass of <see cref="GraphAnalyzer.Analyze"/> over a model, and the state it builds: shape inference, costing and memory accounting.</summary>
internal sealed class GraphAnalysisPass
{
    private const long AssumedOpset = 21;

    private readonly ModelProto model;
    private readonly GraphProto graph;
    private readonly long batch;
    private readonly bool batchRequested;
    private readonly List<string> warnings = [];
    private readonly Dictionary<string, TensorFacts> facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int ElemType, long?[]? Dims)> declared = new(StringComparer.Ordinal);
    private readonly HashSet<string> constantNodeOutputs = new(StringComparer.Ordinal);

    private GraphAnalysisPass(ModelProto model, AnalysisOptions options)
    {
        this.model = model;
        graph = model.Graph;
        if (options.Batch is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Batch, "Batch must be positive.");
        }

        batch = options.Batch ?? 1;
        batchRequested = options.Batch is not null;
    }

    public static GraphAnalysis Analyze(ModelProto model, AnalysisOptions options)
    {
        if (model.Graph is null)
        {
            return Empty(["model has no graph"]);
        }

        return new GraphAnalysisPass(model, options).Execute();
    }

    private static GraphAnalysis Empty(ImmutableArray<string> warnings) =>
        new([], [], 0, 0, 0, 0, 0, 0, 0, 0, 0, [], [], [], warnings);

    private GraphAnalysis Execute()
    {
        var opsets = ReadOpsets();
        var defaultOpset = opsets[string.Empty];
        var initializerNames = LoadInitializers();
        var inputs = LoadInputs(initializerNames);
        LoadDeclaredValueInfo();

        var nodes = graph.Node;
        var order = TopologicalOrder(initializerNames);
        var consumers = BuildConsumers(order);

        var nodeCosts = new NodeCost?[order.Length];
        var macs = new long[order.Length];
        var other = new long[order.Length];
        var notCounted = new List<NotCountedNode>();
        var names = new string[order.Length];
        var labels = new string[order.Length];

        for (var pos = 0; pos < order.Length; pos++)
        {
            var index = order[pos];
            var node = nodes[index];
            var domain = node.Domain is "ai.onnx" ? string.Empty : node.Domain;
            names[pos] = node.Name.Length > 0 ? node.Name : $"{node.OpType}_{index.ToString(CultureInfo.InvariantCulture)}";
            labels[pos] = domain.Length == 0 ? node.OpType : $"{domain}.{node.OpType}";

            var context = new NodeContext(node, opsets.GetValueOrDefault(domain, domain.Length == 0 ? defaultOpset : 1), facts);
            var reason = RunRule(context, domain);
            if (reason is null)
            {
                macs[pos] = context.Macs;
                other[pos] = context.OtherFlops;
                for (var i = 0; i < node.Output.Count; i++)
                {
                    if (node.Output[i].Length > 0)
                    {
                        facts[node.Output[i]] = context.Outputs[i] ?? Fallback(node.Output[i]);
                    }
                }

                if (node.OpType == "Constant" && domain.Length == 0 && node.Output.Count > 0)
                {
                    constantNodeOutputs.Add(node.Output[0]);
                }

                var first = context.Outputs.Length > 0 ? context.Outputs[0]?.Shape : null;
                nodeCosts[pos] = new NodeCost(names[pos], labels[pos], first is null ? [] : [.. first], context.Macs, checked((2 * context.Macs) + context.OtherFlops), 0)
                {
                    Inputs = [.. node.Input.Where(i => i.Length > 0)],
                    Outputs = [.. node.Output.Where(o => o.Length > 0)],
                    InputBytes = [.. node.Input.Where(i => i.Length > 0).Select(TensorBytes)],
                    OutputBytes = [.. node.Output.Where(o => o.Length > 0).Select(TensorBytes)],
                    Kind = KindOf(node, labels[pos]),
                };
            }
            else
            {
                notCounted.Add(new NotCountedNode(names[pos], labels[pos], reason));
                foreach (var output in node.Output)
                {
                    if (output.Length > 0)
                    {
                        facts[output] = Fallback(output);
                    }
                }
            }
        }

        var (totalParams, weightBytes, nodeParams) = CountParams(order, initializerNames, consumers);
        var costed = new List<NodeCost>();
        for (var pos = 0; pos < order.Length; pos++)
        {
            if (nodeCosts[pos] is { } cost)
            {
                costed.Add(cost with { Params = nodeParams[pos] });
            }
        }

        var (activationBytes, peakBytes) = MeasureActivations(order, inputs, consumers);

        var byOp = new List<OpTypeSummary>();
        var outputElements = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var pos = 0; pos < order.Length; pos++)
        {
            if (nodeCosts[pos] is null)
            {
                continue;
            }

            long elements = 0;
            foreach (var output in nodes[order[pos]].Output)
            {
                if (output.Length > 0 && facts.TryGetValue(output, out var f) && f.Shape is not null)
                {
                    elements += ShapeMath.Product(f.Shape);
                }
            }

            outputElements[labels[pos]] = outputElements.GetValueOrDefault(labels[pos]) + elements;
        }

        foreach (var group in costed.GroupBy(n => n.OpType, StringComparer.Ordinal))
        {
            byOp.Add(new OpTypeSummary(group.Key, group.Count(), group.Sum(n => n.Macs), group.Sum(n => n.Flops), group.Sum(n => n.Params), outputElements[group.Key]));
        }

        var totalMacs = macs.Sum();
        var totalOther = other.Sum();
        long integerMacs = IntegerMacs(order, macs);
        return new GraphAnalysis(
            [.. inputs],
            [.. graph.Output.Select(DescribeOutput)],
            defaultOpset,
            nodes.Count,
            totalParams,
            weightBytes,
            totalMacs,
            checked((2 * totalMacs) + totalOther),
            totalOther,
            activationBytes,
            peakBytes,
            [.. byOp.OrderByDescending(o => o.Flops).ThenBy(o => o.OpType, StringComparer.Ordinal)],
            [.. costed],
            [.. notCounted],
            [.. warnings])
        {
            IntegerMacs = integerMacs,
        };
    }

    private static readonly HashSet<string> IntegerMacOps = new(StringComparer.Ordinal) { "QLinearConv", "QLinearMatMul", "ConvInteger", "MatMulInteger", "QGemm" };

    /// <summary>See <see cref="GraphAnalysis.IntegerMacs"/>.</summary>
    private long IntegerMacs(int[] order, long[] macs)
    {
        var dequantizedFrom8Bit = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            if (node.OpType == "DequantizeLinear" && node.Input.Count > 0 && node.Output.Count > 0
                && facts.TryGetValue(node.Input[0], out var f) && f.ElemType is ElementTypes.Int8 or ElementTypes.Uint8)
            {
                dequantizedFrom8Bit.Add(node.Output[0]);
            }
        }

        long total = 0;
        for (var pos = 0; pos < order.Length; pos++)
        {
            var node = graph.Node[order[pos]];
            if (macs[pos] > 0 && (IntegerMacOps.Contains(node.OpType)
                || (node.OpType is "Conv" or "Gemm" or "MatMul" or "ConvTranspose" && node.Input.Count > 1
                    && dequantizedFrom8Bit.Contains(node.Input[0]) && dequantizedFrom8Bit.Contains(node.Input[1]))))
            {
                total += macs[pos];
            }
        }

        return total;
    }

    /// <summary>Bytes of a tensor from its inferred shape and element type; null when either is unknown.</summary>
    private long? TensorBytes(string name) =>
        facts.TryGetValue(name, out var f) && f.Shape is not null && ElementTypes.Bits(f.ElemType) > 0
            ? ElementTypes.Bytes(ShapeMath.Product(f.Shape), f.ElemType)
            : null;

    /// <summary>The node's <see cref="OperatorKind"/>: a default-domain Conv by its group and kernel, else its label.</summary>
    private string KindOf(NodeProto node, string label)
    {
        if (label != "Conv" || node.Input.Count < 2
            || !facts.TryGetValue(node.Input[0], out var x) || x.Shape is not { Length: > 2 } xs
            || !facts.TryGetValue(node.Input[1], out var w) || w.Shape is not { Length: > 2 } ws)
        {
            return label;
        }

        var group = node.Attribute.FirstOrDefault(a => a.Name == "group")?.I ?? 1;
        return OperatorKind.OfConv(xs[1], group, ws[2..]);
    }

    /// <summary>Runs the node's rule; returns null on success or the not-counted reason.</summary>
    private string? RunRule(NodeContext context, string domain)
    {
        var node = context.Node;
        if (node.Attribute.Any(a => a.G is not null || a.Graphs.Count > 0))
        {
            return "contains a subgraph; control flow (If/Loop/Scan) is not analysed";
        }

        var rule = OpRegistry.Find(domain, node.OpType);
        if (rule is null)
        {
            if (domain.Length == 0)
            {
                return $"unsupported operator '{node.OpType}'";
            }

            if (model.Functions.Any(f => f.Domain == node.Domain && f.Name == node.OpType))
            {
                return $"model-local function '{domain}.{node.OpType}' is not analysed";
            }

            return domain == "ai.onnx.ml"
                ? $"ai.onnx.ml operator '{node.OpType}' is not analysed"
                : $"custom operator '{node.OpType}' (domain '{domain}') is not analysed";
        }

        try
        {
            rule(context);
            return null;
        }
        catch (NotCountableException ex)
        {
            return ex.Message;
        }
        catch (OverflowException)
        {
            return "dimension arithmetic overflowed";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return "could not infer shapes: " + ex.Message;
        }
    }

    private Dictionary<string, long> ReadOpsets()
    {
        var opsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in model.OpsetImport)
        {
            var domain = o.Domain is "ai.onnx" ? string.Empty : o.Domain;
            opsets[domain] = o.Version;
        }

        if (!opsets.ContainsKey(string.Empty))
        {
            warnings.Add($"model declares no opset for the default ONNX domain; assuming opset {AssumedOpset.ToString(CultureInfo.InvariantCulture)}");
            opsets[string.Empty] = AssumedOpset;
        }

        return opsets;
    }

    private HashSet<string> LoadInitializers()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var init in graph.Initializer)
        {
            facts[init.Name] = ConstantReader.Facts(init);
            names.Add(init.Name);
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            if (sparse.Values is { Name.Length: > 0 } values)
            {
                facts[values.Name] = ValueRules.SparseFacts(sparse);
                names.Add(values.Name);
            }
        }

        if (graph.SparseInitializer.Count > 0)
        {
            warnings.Add($"{graph.SparseInitializer.Count.ToString(CultureInfo.InvariantCulture)} sparse initializer(s) are used for shapes but not counted in Params");
        }

        return names;
    }

    private List<GraphTensorInfo> LoadInputs(HashSet<string> initializerNames)
    {
        var graphInputs = graph.Input.Where(i => !initializerNames.Contains(i.Name)).ToList();

        // A symbolic (or unknown) first dim is the batch; the same symbol elsewhere gets the same value.
        var batchSymbols = new SortedSet<string>(StringComparer.Ordinal);
        var batchInputs = new List<string>();
        foreach (var input in graphInputs)
        {
            if (input.Type?.TensorType?.Shape is { Dim.Count: > 0 } shape && !IsFixed(shape.Dim[0]))
            {
                batchInputs.Add(input.Name);
                if (shape.Dim[0].DimParam.Length > 0)
                {
                    symbols[shape.Dim[0].DimParam] = batch;
                    batchSymbols.Add(shape.Dim[0].DimParam);
                }
            }
        }

        if (batchInputs.Count > 0)
        {
            var symbolText = batchSymbols.Count > 0 ? $" ('{string.Join("', '", batchSymbols)}')" : string.Empty;
            warnings.Add($"symbolic batch dimension{symbolText} of input(s) {string.Join(", ", batchInputs)} set to {batch.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (batchRequested)
        {
            warnings.Add($"batch {batch.ToString(CultureInfo.InvariantCulture)} requested but no input has a symbolic first dimension; declared shapes used");
        }

        var result = new List<GraphTensorInfo>();
        foreach (var input in graphInputs)
        {
            var elemType = input.Type?.TensorType?.ElemType ?? ElementTypes.Undefined;
            var dims = ResolveDims(input.Type, firstIsBatch: true);
            if (dims is null)
            {
                facts[input.Name] = TensorFacts.Unknown(elemType, $"graph input '{input.Name}' has no declared tensor shape");
                result.Add(new GraphTensorInfo(input.Name, ElementTypes.Name(elemType), [], null));
                continue;
            }

            var unresolved = Array.FindIndex(dims, d => d is null);
            if (unresolved >= 0)
            {
                var dim = input.Type!.TensorType.Shape.Dim[unresolved];
                var label = dim.DimParam.Length > 0 ? $"'{dim.DimParam}'" : "?";
                facts[input.Name] = TensorFacts.Unknown(elemType, $"graph input '{input.Name}' has unresolved dim {label} (axis {unresolved.ToString(CultureInfo.InvariantCulture)})");
            }
            else
            {
                facts[input.Name] = new TensorFacts { ElemType = elemType, Shape = dims.Select(d => d!.Value).ToArray() };
            }

            result.Add(new GraphTensorInfo(input.Name, ElementTypes.Name(elemType), [.. dims], GuessLayout(dims)));
        }

        return result;
    }

    private void LoadDeclaredValueInfo()
    {
        foreach (var vi in graph.ValueInfo.Concat(graph.Output))
        {
            if (vi.Type?.TensorType is { } t)
            {
                declared[vi.Name] = (t.ElemType, ResolveDims(vi.Type, firstIsBatch: false));
            }
        }
    }

    private static bool IsFixed(TensorShapeProto.Types.Dimension d) =>
        d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue > 0;

    private long?[]? ResolveDims(TypeProto? type, bool firstIsBatch)
    {
        if (type?.TensorType?.Shape is not { } shape)
        {
            return null;
        }

        var dims = new long?[shape.Dim.Count];
        for (var i = 0; i < dims.Length; i++)
        {
            var d = shape.Dim[i];
            if (IsFixed(d))
            {
                dims[i] = d.DimValue;
            }
            else if (d.DimParam.Length > 0 && symbols.TryGetValue(d.DimParam, out var v))
            {
                dims[i] = v;
            }
            else if (i == 0 && firstIsBatch)
            {
                dims[i] = batch;
            }
        }

        return dims;
    }

    private static string? GuessLayout(long?[] dims)
    {
        if (dims.Length != 4)
        {
            return null;
        }

        static bool Channels(long? d) => d is 1 or 3;
        if (Channels(dims[3]) && !Channels(dims[1]))
        {
            return "NHWC";
        }

        return Channels(dims[1]) ? "NCHW" : null;
    }

    private TensorFacts Fallback(string name)
    {
        if (declared.TryGetValue(name, out var d))
        {
            if (d.Dims is { } dims && dims.All(x => x is not null))
            {
                return new TensorFacts { ElemType = d.ElemType, Shape = dims.Select(x => x!.Value).ToArray() };
            }

            return TensorFacts.Unknown(d.ElemType);
        }

        return TensorFacts.Unknown(ElementTypes.Undefined);
    }

    private GraphTensorInfo DescribeOutput(ValueInfoProto output)
    {
        var declaredType = output.Type?.TensorType?.ElemType ?? ElementTypes.Undefined;
        facts.TryGetValue(output.Name, out var f);
        var elemType = declaredType != ElementTypes.Undefined ? declaredType : f?.ElemType ?? ElementTypes.Undefined;
        ImmutableArray<long?> dims = f?.Shape is { } shape
            ? [.. shape.Select(x => (long?)x)]
            : [.. declared.GetValueOrDefault(output.Name).Dims ?? []];
        return new GraphTensorInfo(output.Name, ElementTypes.Name(elemType), dims, null);
    }

    /// <summary>Positions (into graph.Node) in a topological order; the original order when it already is one.</summary>
    private int[] TopologicalOrder(HashSet<string> initializerNames)
    {
        var nodes = graph.Node;
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var o in nodes[i].Output)
            {
                if (o.Length > 0)
                {
                    producer.TryAdd(o, i);
                }
            }
        }

        var indegree = new int[nodes.Count];
        var dependents = new List<int>[nodes.Count];
        var sorted = true;
        for (var i = 0; i < nodes.Count; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var input in nodes[i].Input.Distinct())
            {
                if (input.Length == 0 || initializerNames.Contains(input) || !producer.TryGetValue(input, out var p) || p == i)
                {
                    continue;
                }

                indegree[i]++;
                dependents[p].Add(i);
                sorted &= p < i;
            }
        }

        if (sorted)
        {
            return Enumerable.Range(0, nodes.Count).ToArray();
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (indegree[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<int>(nodes.Count);
        var done = new bool[nodes.Count];
        while (ready.TryDequeue(out var i, out _))
        {
            order.Add(i);
            done[i] = true;
            foreach (var d in dependents[i])
            {
                if (--indegree[d] == 0)
                {
                    ready.Enqueue(d, d);
                }
            }
        }

        var cyclic = Enumerable.Range(0, nodes.Count).Where(i => !done[i]).ToList();
        order.AddRange(cyclic);
        warnings.Add(cyclic.Count > 0
            ? $"graph has a cycle through {cyclic.Count.ToString(CultureInfo.InvariantCulture)} node(s); they are analysed last"
            : "nodes were not in topological order; analysed in a sorted order");
        return [.. order];
    }

    /// <summary>For each tensor, the (position, input slot) pairs that consume it, in walk order.</summary>
    private Dictionary<string, List<(int Position, int Slot)>> BuildConsumers(int[] order)
    {
        var consumers = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (var pos = 0; pos < order.Length; pos++)
        {
            var inputs = graph.Node[order[pos]].Input;
            for (var slot = 0; slot < inputs.Count; slot++)
            {
                if (inputs[slot].Length == 0)
                {
                    continue;
                }

                if (!consumers.TryGetValue(inputs[slot], out var list))
                {
                    consumers[inputs[slot]] = list = [];
                }

                list.Add((pos, slot));
            }
        }

        return consumers;
    }

    /// <summary>
    /// Params: constants (initializers, Constant-node values) that are not int64/bool/string, have
    /// more than one element, and feed at least one weight slot. Each is attributed to its first
    /// such consumer.
    /// </summary>
    private (long Params, long Bytes, long[] PerNode) CountParams(int[] order, HashSet<string> initializerNames, Dictionary<string, List<(int Position, int Slot)>> consumers)
    {
        var perNode = new long[order.Length];
        long total = 0;
        long bytes = 0;
        var sparse = graph.SparseInitializer.Where(s => s.Values is not null).Select(s => s.Values.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in initializerNames.Concat(constantNodeOutputs))
        {
            if (sparse.Contains(name) || !facts.TryGetValue(name, out var f) || f.Shape is null)
            {
                continue;
            }

            if (f.ElemType is ElementTypes.Int64 or ElementTypes.Bool or ElementTypes.String or ElementTypes.Undefined)
            {
                continue;
            }

            long count;
            try
            {
                count = ShapeMath.Product(f.Shape);
            }
            catch (OverflowException)
            {
                continue;
            }

            if (count <= 1 || !consumers.TryGetValue(name, out var uses))
            {
                continue;
            }

            foreach (var (position, slot) in uses)
            {
                var node = graph.Node[order[position]];
                if (OpRegistry.IsWeightSlot(node.OpType, slot))
                {
                    // A weight stored int8 or float16 reaches its Conv through a DequantizeLinear or Cast: the Conv owns it.
                    var owner = position;
                    if (node.OpType is "DequantizeLinear" or "Cast" && slot == 0 && node.Output.Count > 0
                        && consumers.TryGetValue(node.Output[0], out var next) && next.Count > 0)
                    {
                        owner = next[0].Position;
                    }

                    perNode[owner] += count;
                    total += count;
                    bytes += ElementTypes.Bytes(count, f.ElemType);
                    break;
                }
            }
        }

        return (total, bytes, perNode);
    }

    private long BytesOf(string name) =>
        facts.TryGetValue(name, out var f) && f.Shape is not null ? ElementTypes.Bytes(ShapeMath.Product(f.Shape), f.ElemType) : 0;

    /// <summary>Total activation bytes and the peak of live bytes during the walk.</summary>
    private (long Total, long Peak) MeasureActivations(int[] order, List<GraphTensorInfo> inputs, Dictionary<string, List<(int Position, int Slot)>> consumers)
    {
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        long total = 0;
        var unknown = 0;
        long live = 0;
        foreach (var input in inputs)
        {
            live += BytesOf(input.Name);
        }

        var peak = live;
        foreach (var input in inputs)
        {
            if (!consumers.ContainsKey(input.Name) && !graphOutputs.Contains(input.Name))
            {
                live -= BytesOf(input.Name);
            }
        }

        var activations = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        for (var pos = 0; pos < order.Length; pos++)
        {
            var node = graph.Node[order[pos]];
            if (node.OpType == "Constant" && node.Domain.Length == 0)
            {
                continue;
            }

            var produced = new List<string>();
            foreach (var output in node.Output.Distinct())
            {
                if (output.Length == 0 || !activations.Add(output))
                {
                    continue;
                }

                produced.Add(output);
                if (facts.TryGetValue(output, out var f) && f.Shape is null)
                {
                    unknown++;
                }

                var b = BytesOf(output);
                total += b;
                live += b;
            }

            peak = Math.Max(peak, live);

            foreach (var input in node.Input.Distinct())
            {
                if (activations.Contains(input) && !graphOutputs.Contains(input) && consumers[input][^1].Position == pos)
                {
                    live -= BytesOf(input);
                }
            }

            foreach (var output in produced)
            {
                if (!consumers.ContainsKey(output) && !graphOutputs.Contains(output))
                {
                    live -= BytesOf(output);
                }
            }
        }

        if (unknown > 0)
        {
            warnings.Add($"activation sizes exclude {unknown.ToString(CultureInfo.InvariantCulture)} tensor(s) whose shape could not be resolved");
        }

        return (total, peak);
    }
}
