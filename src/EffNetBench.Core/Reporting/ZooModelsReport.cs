using System.Collections.Immutable;
using EffNetBench.Core.Graph;
using EffNetBench.Core.Zoo;
using static EffNetBench.Core.Reporting.Tabular;

namespace EffNetBench.Core.Reporting;

/// <summary>The `models` listing: every zoo variant, counted, next to its published figures.</summary>
public static class ZooModelsReport
{
    public static ImmutableArray<ZooModelRow> Rows(IEnumerable<ZooVariant> variants) =>
        variants.Select(Row).ToImmutableArray();

    public static ZooModelRow Row(ZooVariant variant)
    {
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(variant.Spec);
        ArchitectureCount count = ArchitectureCounter.Count(arch);

        // FLOPs come from analysing the graph's structure (no weights are generated for it).
        GraphAnalysis analysis = ZooStructure.Analyze(arch);
        PublishedFigures p = variant.Published;
        return new ZooModelRow(variant.Name, arch.Family.ToString(), arch.Resolution, count.TrainableParams,
            count.FoldedGraphParams, count.Macs, analysis.Flops, p.Params, p.Macs, p.MacsResolution, p.Top1, p.Top5,
            p.Source, p.TorchvisionParams, p.TorchvisionGmacs, p.TorchvisionResolution);
    }

    public static string Render(IReadOnlyList<ZooModelRow> rows, OutputFormat format) => format switch
    {
        OutputFormat.Json => ToJson(rows),
        OutputFormat.Csv => Csv(CsvHeaders, rows.Select(CsvRow)),
        _ => RenderTable(rows),
    };

    private static readonly string[] CsvHeaders =
    [
        "name", "family", "resolution", "params", "graph_params", "macs", "flops", "published_params",
        "published_macs", "published_macs_resolution", "reference_top1", "reference_top5", "reference_source",
        "torchvision_params", "torchvision_gmacs", "torchvision_resolution",
    ];

    private static IReadOnlyList<string> CsvRow(ZooModelRow r) =>
    [
        r.Name, r.Family, Number(r.Resolution), Number(r.Params), Number(r.GraphParams), Number(r.Macs), Number(r.Flops),
        Number(r.PublishedParams, "R"), Number(r.PublishedMacs, "R"), Number(r.PublishedMacsResolution),
        Number(r.ReferenceTop1, "0.0##"), Number(r.ReferenceTop5, "0.0##"), r.ReferenceSource,
        r.TorchvisionParams is long tv ? Number(tv) : string.Empty, Number(r.TorchvisionGmacs, "0.###"),
        r.TorchvisionResolution is int tr ? Number(tr) : string.Empty,
    ];

    private static string RenderTable(IReadOnlyList<ZooModelRow> rows)
    {
        string[] headers = ["model", "res", "params", "published params", "GMACs", "published GMACs", "GFLOPs", "top-1 (ref)", "source"];
        string table = Table(headers, rows.Select(r => (IReadOnlyList<string>)
        [
            r.Name,
            Number(r.Resolution),
            Number(r.Params),
            Compact(r.PublishedParams) + (r.TorchvisionParams is long tv ? $" (tv {Number(tv)})" : string.Empty),
            Number(r.Macs / 1e9, "0.000"),
            Number(r.PublishedMacs / 1e9, "0.0##") + (r.PublishedMacsResolution != r.Resolution ? $" @{r.PublishedMacsResolution}" : string.Empty)
                + (r.TorchvisionGmacs is double g ? $" (tv {Number(g, "0.000")}{(r.TorchvisionResolution is int tr && tr != r.Resolution ? $" @{tr}" : string.Empty)})" : string.Empty),
            Number(r.Flops / 1e9, "0.000"),
            Number(r.ReferenceTop1, "0.0"),
            r.ReferenceSource,
        ]));
        return table
            + "params: trainable parameters counted from the architecture (BN scale+shift, torchvision's convention); tv = torchvision's num_params / _ops.\n"
            + "GMACs: multiply-adds of convs, SE and classifier (the paper's \"FLOPS\"); GFLOPs = 2 x MACs + element-wise work of the BN-folded graph.\n"
            + "top-1 (ref): published ImageNet accuracy of the trained model (source column); zoo graphs carry synthetic weights, so it is not measured.\n";
    }
}
