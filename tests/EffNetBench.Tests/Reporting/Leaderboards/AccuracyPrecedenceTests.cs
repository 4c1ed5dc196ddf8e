using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Tests.Results;
using static EffNetBench.Tests.Reporting.Leaderboards.LeaderboardSamples;

namespace EffNetBench.Tests.Reporting.Leaderboards;

public sealed class AccuracyPrecedenceTests
{
    [Fact]
    public void Measured_beats_timm_csv_beats_reference_and_a_model_without_accuracy_keeps_its_row()
    {
        using var folder = new TempFolder();
        string csv = folder.File("results-imagenet.csv");
        System.IO.File.WriteAllText(csv, "model,img_size,top1,top5\ntf_efficientnet_b0.ns_jft_in1k,224,78.658,94.378\nefficientnet_b1.ft_in1k,240,78.8,94.2\n");
        string eval = folder.File("eval.json");
        System.IO.File.WriteAllText(eval, """{ "model": "efficientnet-b0", "top1": 0.7715, "top5": 0.9331, "samples": 50000 }""");

        // Reference names last on purpose: precedence is by kind, not by the order given.
        AccuracyTable accuracy = AccuracyTable.Load(["advprop", csv, eval]);
        Leaderboard board = LeaderboardBuilder.Build([Run("r1", Epyc, Ok(B0, 7.5), Ok(B1, 13), Ok(B2, 18), Ok(ZooModel("lite0", 224, 4_652_008, 385_000_000, 784_000_000), 6), Ok(FileModel("mynet", 224, 600_000_000), 5))],
            accuracy, new LeaderboardOptions());
        Dictionary<string, LeaderboardRow> rows = board.Rows.ToDictionary(r => r.Model);

        // eval.json holds fractions: 0.7715 -> 77.15 %.
        Assert.Equal("measured:eval.json", rows["b0"].Top1Source);
        Assert.Equal(77.15, rows["b0"].Top1!.Value, 9);
        Assert.Equal(93.31, rows["b0"].Top5!.Value, 9);
        Assert.Equal(("timm-csv:results-imagenet.csv", 78.8, 94.2), (rows["b1"].Top1Source, rows["b1"].Top1!.Value, rows["b1"].Top5!.Value));
        Assert.Equal("efficientnet_b1.ft_in1k", rows["b1"].AccuracyCheckpoint);
        Assert.Null(rows["b2"].AccuracyCheckpoint);
        Assert.Equal(("advprop", 80.5), (rows["b2"].Top1Source, rows["b2"].Top1!.Value));
        Assert.Null(rows["b2"].Top5);

        // advprop has no Lite figures; paper stays the fallback and its source label says where the figure is from.
        Assert.Equal(("tf-lite-readme", 75.1), (rows["lite0"].Top1Source, rows["lite0"].Top1!.Value));

        LeaderboardRow mynet = rows["mynet"];
        Assert.Equal((null, null, null, null, null, null, false), (mynet.Top1, mynet.Top1Source, mynet.Top5, mynet.GflopsPerTop1Point, mynet.MsPerTop1Point, mynet.Top1PerGflop, mynet.Pareto));
        Assert.Contains("\r\nmynet,224,cpu,AMD EPYC (2 cores),1,default,,0.3,0.6,,,,5,5.5,6.5,200,200,,,false,,,,,file,5,,,0.05,true,,,,,,,,,,,,,,fp32\r\n", LeaderboardWriter.Csv(board));

        string markdown = LeaderboardWriter.Markdown(board);
        Assert.Contains("- **measured:eval.json** (b0@224): accuracy measured by `effnet-bench eval` in eval.json (fractions x 100), on the dataset that file names", markdown);
        Assert.Contains("- **none** (mynet@224): no source has a top-1", markdown);

        // b0's accuracy is measured, so only the zoo models with published figures are called out.
        Assert.Contains("> **Accuracy of zoo models is not measured.** lite0, b1, b2 run with synthetic", markdown);
    }

    [Fact]
    public void Published_figures_apply_only_to_zoo_models_at_their_native_resolution()
    {
        Leaderboard board = LeaderboardBuilder.Build([Run("r1", Epyc,
            Ok(ZooModel("b0", 300, 5_288_548, 700_000_000, 1_450_000_000), 12), Ok(FileModel("b0", 224, 795_588_220), 7))],
            AccuracyTable.Load(null), new LeaderboardOptions());

        LeaderboardRow atOtherSize = board.Rows.Single(r => r.Resolution == 300);
        LeaderboardRow file = board.Rows.Single(r => r.Resolution == 224);
        Assert.Null(atOtherSize.Top1);
        Assert.Equal("no accuracy at 300 px: the figures for b0 are for 224 px", atOtherSize.Note);
        Assert.Null(file.Top1);
        Assert.StartsWith("no accuracy: b0 is a model file whose weights are unknown", file.Note);
    }

    [Fact]
    public void Timm_csv_beats_reference_and_first_source_wins_within_a_kind()
    {
        AccuracyTable table = AccuracyTable.Create(
        [
            new("b0", 224, 77.1, 93.3, "paper", AccuracyKind.Reference),
            new("b0", 224, 77.7, null, "timm-csv:second.csv", AccuracyKind.TimmCsv),
            new("b0", 224, 78.0, null, "timm-csv:later.csv", AccuracyKind.TimmCsv),
        ]);

        Assert.Equal("timm-csv:second.csv", table.Find(B0)!.Source);
        Assert.Equal("paper", AccuracyTable.Create([table.Entries[^1]]).Find(B0)!.Source);
    }

    [Fact]
    public void None_turns_the_reference_fallback_off()
    {
        Assert.Empty(AccuracyTable.Load(["none"]).Entries);
        Assert.Equal(16, AccuracyTable.Load([]).Entries.Length);
        Assert.Equal(8 + 16, AccuracyTable.Load(["noisy_student"]).Entries.Length);
    }
}
