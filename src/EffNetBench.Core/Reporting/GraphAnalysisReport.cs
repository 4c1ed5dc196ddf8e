using System.Text;
using EffNetBench.Core.Graph;
using static EffNetBench.Core.Reporting.Tabular;

namespace EffNetBench.Core.Reporting;

/// <summary>Renders `analyze` output. JSON field names are a contract: scripts parse them.</summary>
public static class GraphAnalysisReport
{
    public static string Render(string model, GraphAnalysis a, OutputFormat format, bool perNode) => format switch
    {
        OutputFormat.Json => ToJson(new
        {
            model,
            complete = a.IsComplete,
            a.Opset,
            a.NodeCount,
            a.Params,
            a.WeightBytes,
            a.Macs,
            a.IntegerMacs,
            a.Flops,
            a.OtherFlops,
            flops_definition = GraphAnalyzer.FlopsDefinition,
            a.ActivationBytes,
            a.PeakActivationBytes,
            inputs = a.Inputs.Select(Tensor),
            outputs = a.Outputs.Select(Tensor),
            a.ByOp,
            nodes = perNode ? a.Nodes.Select(n => new { n.Name, n.OpType, output_shape = n.OutputShape, n.Macs, n.Flops, n.Params }) : null,
            a.NotCounted,
            a.Warnings,
        }),
        OutputFormat.Csv => perNode
            ? Csv(["name", "op_type", "output_shape", "macs", "flops", "params"],
                a.Nodes.Select(n => (IReadOnlyList<string>)[n.Name, n.OpType, string.Join("x", n.OutputShape), Number(n.Macs), Number(n.Flops), Number(n.Params)]))
            : Csv(["op_type", "count", "macs", "flops", "params", "output_elements"],
                a.ByOp.Select(o => (IReadOnlyList<string>)[o.OpType, Number(o.Count), Number(o.Macs), Number(o.Flops), Number(o.Params), Number(o.OutputElements)])),
        _ => RenderTable(model, a, perNode),
    };

    private static object Tensor(GraphTensorInfo t) => new
    {
        t.Name,
        element_type = t.ElementType,
        dims = t.Dims.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"),
        t.Layout,
    };

    private static string Shape(GraphTensorInfo t) =>
        $"{t.Name} {t.ElementType}[{string.Join(",", t.Dims.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"))}]"
        + (t.Layout is null ? string.Empty : $" {t.Layout}");

    private static string RenderTable(string model, GraphAnalysis a, bool perNode)
    {
        var text = new StringBuilder();
        text.Append($"model        {model}\n");
        text.Append($"inputs       {string.Join("; ", a.Inputs.Select(Shape))}\n");
        text.Append($"outputs      {string.Join("; ", a.Outputs.Select(Shape))}\n");
        text.Append($"opset        {Number(a.Opset)}, {Number(a.NodeCount)} nodes\n");
        text.Append($"params       {Number(a.Params)} ({Compact(a.Params)})\n");
        text.Append($"weights      {Number(a.WeightBytes)} bytes ({Number(a.WeightBytes / 1048576.0, "0.0")} MiB)\n");
        text.Append($"MACs         {Number(a.Macs)} ({Number(a.Macs / 1e9, "0.000")} G)"
            + (a.IntegerMacs > 0 ? $", {Number(a.IntegerMacs)} of them on int8 (QDQ or QLinear)" : string.Empty) + "\n");
        text.Append($"FLOPs        {Number(a.Flops)} ({Number(a.Flops / 1e9, "0.000")} G) = 2 x MACs + {Number(a.OtherFlops)} element-wise\n");
        text.Append($"activations  {Number(a.ActivationBytes / 1048576.0, "0.0")} MiB in all, {Number(a.PeakActivationBytes / 1048576.0, "0.0")} MiB live at peak\n");
        text.Append('\n');
        text.Append(Table(["op type", "count", "GMACs", "GFLOPs", "params", "share of FLOPs"], a.ByOp.Select(o => (IReadOnlyList<string>)
        [
            o.OpType, Number(o.Count), Number(o.Macs / 1e9, "0.0000"), Number(o.Flops / 1e9, "0.0000"), Number(o.Params),
            a.Flops > 0 ? Number(100.0 * o.Flops / a.Flops, "0.0") + " %" : "-",
        ])));
        if (perNode)
        {
            text.Append('\n');
            text.Append(Table(["node", "op", "output", "MACs", "FLOPs", "params"], a.Nodes.Select(n => (IReadOnlyList<string>)
                [n.Name, n.OpType, string.Join("x", n.OutputShape), Number(n.Macs), Number(n.Flops), Number(n.Params)])));
        }

        text.Append(a.NotCounted.IsEmpty
            ? "not counted: none (every node costed)\n"
            : $"not counted: {a.NotCounted.Length} nodes, totals above exclude them\n"
              + string.Concat(a.NotCounted.Select(n => $"  {n.NodeName} ({n.OpType}): {n.Reason}\n")));
        foreach (string warning in a.Warnings)
        {
            text.Append($"warning: {warning}\n");
        }

        return text.ToString();
    }
}
