using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Reporting.Leaderboards;

/// <summary>
/// The whole leaderboard.csv and leaderboard.md of a fixed example (b0, b1, b2 with paper accuracy, a file model
/// without any, a skipped case), pinned: any change to them is a change of a file other tools and people read.
/// </summary>
public sealed class LeaderboardSnapshotTests
{
    private static Leaderboard Example() =>
        LeaderboardBuilder.Build(LeaderboardSamples.One(LeaderboardSamples.Example()), AccuracyTable.Load(null), new LeaderboardOptions());

    // Ranked by latency (the default), so mynet, fastest, comes first. b0: 0.79558822 GFLOPs / 77.1 = 0.010319 (average,
    // CSV only); b1 over b0 on the frontier: +2 points, (1.413011672 - 0.79558822) / 2 = 0.308712 GFLOPs and
    // (13 - 7.5) / 2 = 2.75 ms per image per point (batch 1: ms per image = median ms); b2 over b1: 0.624335 GFLOPs, 5 ms.
    private const string ExpectedCsv =
        "model,resolution,provider,hardware,batch,threads,params,gmacs,gflops,top1,top1_source,top5,latency_median_ms,latency_p90_ms,latency_p99_ms,throughput_ips,peak_rss_mb,gflops_per_top1_point,ms_per_top1_point,pareto,top1_per_gflop,marginal_gflops_per_point,marginal_ms_per_image_per_point,note,model_source,ms_per_image,marginal_top1,accuracy_checkpoint,latency_ci99_half_width_ms,precision_target_met,tied_with,offline_images_per_second,offline_concurrency,offline_batch,offline_cpu_ms_per_image,server_max_rate,server_rate_bracket_high,server_latency_bound_ms,server_bound_source,cpu_ms_per_image,spin,share_of_attainable,cpu_fallback,precision\r\n"
        + "mynet,224,cpu,AMD EPYC (2 cores),1,default,,0.3,0.6,,,,5,5.5,6.5,198,180,,,false,,,,,file,5,,,0.05,true,,,,,,,,,,,,,,fp32\r\n"
        + "b0,224,cpu,AMD EPYC (2 cores),1,default,5288548,0.385815,0.795588,77.1,paper,93.3,7.5,8,9,132.5,200,0.010319,0.097276,true,96.909429,,,,zoo,7.5,,,0.05,true,,,,,,,,,,,,,,fp32\r\n"
        + "b1,240,cpu,AMD EPYC (2 cores),1,default,7794184,0.686803,1.413012,79.1,paper,94.4,13,13.5,14.5,76.5,250,0.017864,0.164349,true,55.979722,0.308712,2.75,,zoo,13,2,,0.05,true,,,,,,,,,,,,,,fp32\r\n"
        + "b2,260,cpu,AMD EPYC (2 cores),1,default,9109994,0.993562,2.037347,80.1,paper,94.9,18,18.5,19.5,55.25,300,0.025435,0.224719,true,39.315833,0.624335,5,time cap reached before the precision target: the latency CI is wider than asked,zoo,18,1,,0.05,false,,,,,,,,,,,,,,fp32\r\n";

    private const string ExpectedMarkdown =
        """
        # effnet-bench leaderboard

        Each table is one provider on one machine at one batch size and thread setting: its Pareto frontier first, then every model ranked by median latency (fastest first).

        Runs:

        - 20260105T100000Z-vm: AMD EPYC (2 cores), Debian GNU/Linux 12 (bookworm), ONNX Runtime 1.31.1, effnet-bench 0.1.0, started 2026-01-05 10:00 UTC, preset default

        > **Accuracy of zoo models is not measured.** b0, b1, b2 run with synthetic (untrained) weights: their top-1 / top-5 are the published figures for the architecture (see the accuracy sources), not what these graphs score. Latency, throughput and memory are measured.

        ## cpu on AMD EPYC (2 cores), batch 1, threads default

        Pareto frontier, fastest first; each step's cost is per extra top-1 point over the previous frontier model:

        | model | top-1 % | ms / image | GFLOPs | + top-1 | + ms / image per point | + GFLOPs per point |
        |---|---:|---:|---:|---:|---:|---:|
        | b0@224 | 77.1 | 7.50 | 0.80 |  |  |  |
        | b1@240 | 79.1 | 13.00 | 1.41 | +2.0 | 2.75 | 0.309 |
        | b2@260 | 80.1 | 18.00 | 2.04 | +1.0 | 5.00 | 0.624 |

        Scaling pays best from b0@224 to b1@240 (2.75 ms per image per extra point) and least from b1@240 to b2@260 (5.00 ms per image per extra point).

        All models:

        | # | model | res | params (M) | GFLOPs | top-1 % | median ms | p99 ms | ms / image | images/s | peak RSS MB | Pareto | accuracy source | checkpoint |
        |---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|
        | 1 | mynet | 224 |  | 0.60 |  | 5.00 | 6.50 | 5.00 | 198.0 | 180 |  |  |  |
        | 2 | b0 | 224 | 5.29 | 0.80 | 77.1 | 7.50 | 9.00 | 7.50 | 132.5 | 200 | yes | paper |  |
        | 3 | b1 | 240 | 7.79 | 1.41 | 79.1 | 13.00 | 14.50 | 13.00 | 76.5 | 250 | yes | paper |  |
        | 4 | b2 | 260 | 9.11 | 2.04 | 80.1 | 18.00 † | 19.50 | 18.00 | 55.3 | 300 | yes | paper |  |

        - b2@260: time cap reached before the precision target: the latency CI is wider than asked

        ## Accuracy sources

        - **paper** (b0@224, b1@240, b2@260): EfficientNet paper (Tan & Le, 2019), Table 2: ImageNet top-1 / top-5 of the trained models (AutoAugment)
        - **none** (mynet@224): no source has a top-1 for these, so their accuracy cells are empty and they are not on a frontier

        ## How to read

        - **Tables**: one per provider, hardware, batch size and thread setting; the Pareto frontier and its costs are computed within a table, never across.
        - **hardware**: the CPU model, logical cores and GPUs the run recorded. **threads**: intra-op threads; default is ONNX Runtime's choice.
        - **GFLOPs**: per image, counted from the graph (2 x multiply-adds + element-wise work). The paper's "FLOPS" are multiply-adds (gmacs in the CSV).
        - **median / p99 ms**: latency of one inference of the whole batch. **ms / image**: median ms divided by the batch size, so it compares with the per-image GFLOPs. **images/s**: images per second over the measured time.
        - **Pareto**: no other model in the same table is at least as accurate and at least as fast (median latency), and better in one; only these are worth choosing on latency and accuracy. A latency difference within the two cases' 99 % confidence intervals drops neither: both stay, marked **tied with** the other (`tied_with` in the CSV and JSON).
        - **†** after a median: the case stopped (time cap) before its precision target, so its latency is less certain than asked (`precision_target_met` false in the CSV and JSON).
        - **+ top-1**: the top-1 points a frontier model gains over the previous, faster frontier model.
        - **+ ms / image per point**: the extra ms per image a frontier model costs over the previous frontier model, divided by + top-1; where it climbs steeply, the bigger model stops paying.
        - **+ GFLOPs per point**: the extra GFLOPs per image a frontier model costs over the previous frontier model, divided by + top-1.
        - **checkpoint**: the trained weights the top-1 is of (a timm model name with its pretrained tag, or the evaluated model file); empty for a published table, which the accuracy source names.
        - The averages cost / top-1 % (gflops_per_top1_point, ms_per_top1_point, top1_per_gflop in the CSV and JSON) are not shown: top-1 moves little between models, so they rank models as cost alone does.
        - An empty cell is an unknown value: no figure is made up.

        ## Notes

        - skipped: b0@224 cuda batch 1 threads default on AMD EPYC (2 cores) (run 20260105T100000Z-vm): CUDAExecutionProvider is not available
        """ + "\n";

    [Fact]
    public void Csv_is_pinned()
    {
        Assert.Equal(ExpectedCsv, LeaderboardWriter.Csv(Example()));
    }

    [Fact]
    public void Markdown_is_pinned()
    {
        Assert.Equal(ExpectedMarkdown, LeaderboardWriter.Markdown(Example()));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Csv_and_markdown_are_identical_under_a_decimal_comma_culture(string culture)
    {
        using (new CultureScope(culture))
        {
            Leaderboard board = Example();
            string csv = LeaderboardWriter.Csv(board);
            Assert.Equal(ExpectedCsv, csv);
            Assert.Equal(ExpectedMarkdown, LeaderboardWriter.Markdown(board));
            Assert.DoesNotContain("0,79", csv);
            Assert.DoesNotContain("77,1", csv);
        }
    }

    [Fact]
    public void Json_has_a_schema_snake_case_fields_and_nulls_for_unknown_values()
    {
        using var scope = new CultureScope("de-DE");
        string json = LeaderboardWriter.Json(Example());

        Assert.StartsWith("{\n  \"schema\": \"effnet-bench/leaderboard/2\",\n  \"rank_by\": \"latency\",", json);
        Assert.Contains("\"gflops_per_top1_point\": null,", json);
        Assert.Contains("\"top1\": 77.1,", json);
        Assert.Contains("\"model_source\": \"file\"", json);
        Assert.Contains("\"ms_per_image\": 13,", json);
        Assert.Contains("\"marginal_top1\": 2,", json);
        Assert.Contains("\"marginal_ms_per_image_per_point\": 2.75,", json);
        Assert.Contains("\"accuracy_checkpoint\": null,", json);
        Assert.DoesNotContain("\"marginal_ms_per_point\"", json);
        Assert.DoesNotContain("77,1", json);
        Assert.DoesNotContain("\r", json);
    }
}
