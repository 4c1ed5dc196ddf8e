using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Reporting.Leaderboards;

public sealed class TimmCsvAccuracyTests
{
    private const string Source = "timm-csv:results-imagenet.csv";

    /// <summary>
    /// Real rows of huggingface/pytorch-image-models results/results-imagenet.csv (commit 0173a139), in the file's
    /// order (best top-1 first), for B0, B1, Lite0 and V2-S with every checkpoint timm lists for them.
    /// </summary>
    private const string TimmRows =
        "model,top1,top1_err,top5,top5_err,param_count,img_size,crop_pct,interpolation\n"
        + "tf_efficientnetv2_s.in21k_ft_in1k,84.288,15.712,97.252,2.748,21.46,384,1.000,bicubic\n"
        + "tf_efficientnetv2_s.in1k,83.900,16.100,96.698,3.302,21.46,384,1.000,bicubic\n"
        + "tf_efficientnet_b1.ns_jft_in1k,81.394,18.606,95.736,4.264,7.79,240,0.882,bicubic\n"
        + "tf_efficientnet_b1.ap_in1k,79.280,20.720,94.308,5.692,7.79,240,0.882,bicubic\n"
        + "tf_efficientnet_b1.aa_in1k,78.830,21.170,94.198,5.802,7.79,240,0.882,bicubic\n"
        + "efficientnet_b1.ft_in1k,78.800,21.200,94.342,5.658,7.79,256,1.000,bicubic\n"
        + "tf_efficientnet_b0.ns_jft_in1k,78.670,21.330,94.374,5.626,5.29,224,0.875,bicubic\n"
        + "tf_efficientnet_b1.in1k,78.560,21.440,94.094,5.906,7.79,240,0.882,bicubic\n"
        + "efficientnet_b0.ra_in1k,77.694,22.306,93.532,6.468,5.29,224,0.875,bicubic\n"
        + "tf_efficientnet_b0.ap_in1k,77.090,22.910,93.262,6.738,5.29,224,0.875,bicubic\n"
        + "tf_efficientnet_b0.aa_in1k,76.834,23.166,93.220,6.780,5.29,224,0.875,bicubic\n"
        + "tf_efficientnet_b0.in1k,76.532,23.468,93.008,6.992,5.29,224,0.875,bicubic\n"
        + "efficientnet_lite0.ra_in1k,75.480,24.520,92.522,7.478,4.65,224,0.875,bicubic\n"
        + "tf_efficientnet_lite0.in1k,74.830,25.170,92.172,7.828,4.65,224,0.875,bicubic\n";

    [Fact]
    public void Reads_timm_results_with_any_header_case_and_maps_names_to_zoo_variants()
    {
        const string csv =
            "Model,IMG_SIZE,Top1,top1_err,Top5,top5_err,param_count,crop_pct,interpolation\r\n"
            + "tf_efficientnet_b0.ns_jft_in1k,224,78.658,21.342,94.378,5.622,5.29,0.875,bicubic\r\n"
            + "efficientnet_b0.ra_in1k,224,77.694,22.306,93.532,6.468,5.29,0.875,bicubic\r\n"
            + "tf_efficientnetv2_s.in21k_ft_in1k,384,84.285,15.715,97.006,2.994,21.46,1.0,bicubic\r\n"
            + "efficientnet_b3,320,81.000,19.0,,,12.23,1.0,bicubic\r\n"
            + "\"resnet50.a1_in1k\",224,81.2,18.8,95.1,4.9,25.56,0.95,bicubic\r\n";

        AccuracyTable table = TimmCsvAccuracy.Parse(csv, "/data/results-imagenet.csv");

        // b0: no tf_efficientnet_b0.aa_in1k here, so the first ImageNet-1k-only row, not the Noisy Student one listed first.
        Assert.Equal<AccuracyEntry>(
        [
            new("b0", 224, 77.694, 93.532, Source, AccuracyKind.TimmCsv) { Checkpoint = "efficientnet_b0.ra_in1k" },
            new("v2-s", 384, 84.285, 97.006, Source, AccuracyKind.TimmCsv) { Checkpoint = "tf_efficientnetv2_s.in21k_ft_in1k" },
            new("b3", 320, 81.0, null, Source, AccuracyKind.TimmCsv) { Checkpoint = "efficientnet_b3" },
            new("resnet50.a1_in1k", 224, 81.2, 95.1, Source, AccuracyKind.TimmCsv) { Checkpoint = "resnet50.a1_in1k" },
        ], table.Entries);
        Assert.Equal<string>(
            [$"{Source}: 2 rows map to b0 at 224 px (tf_efficientnet_b0.ns_jft_in1k, efficientnet_b0.ra_in1k); efficientnet_b0.ra_in1k is used: the first ImageNet-1k-only row (tf_efficientnet_b0.aa_in1k is not listed)"],
            table.Notes);
    }

    [Fact]
    public void By_default_each_variant_takes_the_published_recipes_imagenet_1k_checkpoint_not_the_best_row()
    {
        AccuracyTable table = TimmCsvAccuracy.Parse(TimmRows, "results-imagenet.csv");

        // The paper's B0 is 77.1 (AutoAugment); timm's best b0@224 row, 78.67, is Noisy Student with JFT-300M images.
        Assert.Equal<(string, int?, double, string?)>(
        [
            ("v2-s", 384, 83.900, "tf_efficientnetv2_s.in1k"),
            ("b1", 240, 78.830, "tf_efficientnet_b1.aa_in1k"),
            ("b1", 256, 78.800, "efficientnet_b1.ft_in1k"),
            ("b0", 224, 76.834, "tf_efficientnet_b0.aa_in1k"),
            ("lite0", 224, 74.830, "tf_efficientnet_lite0.in1k"),
        ], table.Entries.Select(e => (e.Model, e.Resolution, e.Top1, e.Checkpoint)));
        Assert.Contains(
            $"{Source}: 5 rows map to b0 at 224 px (tf_efficientnet_b0.ns_jft_in1k, efficientnet_b0.ra_in1k, tf_efficientnet_b0.ap_in1k, tf_efficientnet_b0.aa_in1k, tf_efficientnet_b0.in1k); tf_efficientnet_b0.aa_in1k is used: the published recipe's ImageNet-1k checkpoint",
            table.Notes);
    }

    [Theory]
    [InlineData("ra_in1k", "b0:efficientnet_b0.ra_in1k:77.694 lite0:efficientnet_lite0.ra_in1k:75.48")]
    [InlineData("RA_IN1K,aa_in1k", "b1:tf_efficientnet_b1.aa_in1k:78.83 b0:efficientnet_b0.ra_in1k:77.694 lite0:efficientnet_lite0.ra_in1k:75.48")]
    [InlineData("tf_efficientnet_*.ns_jft_in1k", "b1:tf_efficientnet_b1.ns_jft_in1k:81.394 b0:tf_efficientnet_b0.ns_jft_in1k:78.67")]
    [InlineData("tf_efficientnet_b0.ap_in1k", "b0:tf_efficientnet_b0.ap_in1k:77.09")]
    [InlineData("*in21k*", "v2-s:tf_efficientnetv2_s.in21k_ft_in1k:84.288")]
    public void Timm_checkpoint_chooses_by_tag_name_or_glob_in_order_of_preference(string pattern, string expected)
    {
        AccuracyTable table = TimmCsvAccuracy.Parse(TimmRows, "results-imagenet.csv", pattern);

        Assert.Equal(expected, string.Join(" ", table.Entries.Select(e => $"{e.Model}:{e.Checkpoint}:{e.Top1.ToString(System.Globalization.CultureInfo.InvariantCulture)}")));
    }

    [Fact]
    public void A_variant_no_row_of_which_matches_the_checkpoint_gets_no_figure_from_the_file_and_a_note()
    {
        AccuracyTable table = TimmCsvAccuracy.Parse(TimmRows, "results-imagenet.csv", "ra_in1k");

        Assert.Contains(
            $"{Source}: b1 at 240 px has no accuracy from this file: none matches --timm-checkpoint ra_in1k (tf_efficientnet_b1.ns_jft_in1k, tf_efficientnet_b1.ap_in1k, tf_efficientnet_b1.aa_in1k, tf_efficientnet_b1.in1k)",
            table.Notes);
    }

    [Fact]
    public void A_variant_listed_only_with_extra_data_uses_that_row_and_says_so()
    {
        AccuracyTable table = TimmCsvAccuracy.Parse(
            "model,top1,top5,img_size\ntf_efficientnet_b2.ns_jft_in1k,82.378,96.254,260\ntf_efficientnet_b2.ap_in1k,80.308,95.028,260\ntf_efficientnetv2_m.in21k_ft_in1k,86.000,97.946,480\n",
            "results-imagenet.csv");

        Assert.Equal(["tf_efficientnet_b2.ap_in1k", "tf_efficientnetv2_m.in21k_ft_in1k"], table.Entries.Select(e => e.Checkpoint));
        Assert.True(TimmCheckpoint.UsesExtraData("tf_efficientnetv2_m.in21k_ft_in1k"));
        Assert.False(TimmCheckpoint.UsesExtraData("tf_efficientnet_b2.ap_in1k"));
        Assert.Equal((null, "trained with extra data: no ImageNet-1k-only row is listed"), (TimmCheckpoint.Choose("v2-m", ["x.ns_jft_in1k"], "aa_in1k").Name, TimmCheckpoint.Choose("v2-m", ["tf_efficientnetv2_m.in21k_ft_in1k"], null).Why));
    }

    [Theory]
    [InlineData("b0", "tf_efficientnet_b0.aa_in1k")]
    [InlineData("b7", "tf_efficientnet_b7.aa_in1k")]
    [InlineData("lite4", "tf_efficientnet_lite4.in1k")]
    [InlineData("v2-s", "tf_efficientnetv2_s.in1k")]
    [InlineData("mynet", null)]
    public void The_default_checkpoint_is_the_published_recipe_on_imagenet_1k(string variant, string? checkpoint)
    {
        Assert.Equal(checkpoint, TimmCheckpoint.Default(variant));
    }

    [Fact]
    public void The_leaderboard_names_the_checkpoint_of_every_timm_row_in_markdown_csv_and_json()
    {
        using var folder = new TempFolder();
        string csv = folder.File("results-imagenet.csv");
        File.WriteAllText(csv, TimmRows);
        Leaderboard board = LeaderboardBuilder.Build([LeaderboardSamples.Run("r1", LeaderboardSamples.Epyc, LeaderboardSamples.Ok(LeaderboardSamples.B0, 7.5), LeaderboardSamples.Ok(LeaderboardSamples.B1, 13))],
            AccuracyTable.Load([csv]), new LeaderboardOptions());

        Assert.Equal([("b0", 76.834, "tf_efficientnet_b0.aa_in1k"), ("b1", 78.83, "tf_efficientnet_b1.aa_in1k")], board.Rows.Select(r => (r.Model, r.Top1!.Value, r.AccuracyCheckpoint!)));
        Assert.Contains("| timm-csv:results-imagenet.csv | tf_efficientnet_b0.aa_in1k |", LeaderboardWriter.Markdown(board));
        Assert.EndsWith(",zoo,13,1.996,tf_efficientnet_b1.aa_in1k,0.05,true,,,,,,,,,,,,,,fp32\r\n", LeaderboardWriter.Csv(board));
        Assert.Contains("\"accuracy_checkpoint\": \"tf_efficientnet_b0.aa_in1k\"", LeaderboardWriter.Json(board));
    }

    [Fact]
    public void A_timm_checkpoint_without_a_timm_csv_is_an_error()
    {
        var e = Assert.Throws<AccuracySourceException>(() => AccuracyTable.Load(["paper"], "ra_in1k"));
        Assert.Equal("--timm-checkpoint ra_in1k chooses among the rows of a timm results CSV, but no .csv accuracy source is given.", e.Message);
    }

    [Theory]
    [InlineData("efficientnet_b0", "b0")]
    [InlineData("tf_efficientnet_b7.ap_in1k", "b7")]
    [InlineData("tf_efficientnet_lite4.in1k", "lite4")]
    [InlineData("efficientnet_v2_m", "v2-m")]
    [InlineData("tf_efficientnetv2_l", "v2-l")]
    [InlineData("tf_efficientnet_b0_ns", "tf_efficientnet_b0_ns")]
    [InlineData("mobilenetv3_large_100", "mobilenetv3_large_100")]
    public void Key_maps_timm_names_to_zoo_names_and_keeps_others_exactly(string name, string key)
    {
        Assert.Equal(key, TimmCsvAccuracy.Key(name));
    }

    [Fact]
    public void Img_size_is_optional_and_then_matches_any_resolution()
    {
        AccuracyTable table = TimmCsvAccuracy.Parse("model,top1\nmynet,70.5\n", "mine.csv");

        Assert.Equal(70.5, table.Find(new("mynet", Core.Results.ModelSource.File, null, 320, null, null, null))!.Top1);
    }

    [Theory]
    [InlineData("model,img_size,top5\nb0,224,93\n", "'bad.csv' has no 'top1' column; a timm results CSV starts with model,img_size,top1,top5.")]
    [InlineData("name,top1\nb0,77\n", "'bad.csv' has no 'model' column; a timm results CSV starts with model,img_size,top1,top5.")]
    [InlineData("model,top1\nb0,77\nb1,seventy\n", "'bad.csv' line 3: top1 'seventy' is not a percentage from 0 to 100.")]
    [InlineData("model,top1\nb0,0.771\nb1,779\n", "'bad.csv' line 3: top1 '779' is not a percentage from 0 to 100.")]
    [InlineData("model,img_size,top1\nb0,224px,77\n", "'bad.csv' line 2: img_size '224px' is not a size in pixels.")]
    [InlineData("model,top1\nb0,\n", "'bad.csv' line 2 has no top1 for b0.")]
    public void Malformed_files_are_format_errors_naming_file_and_line(string csv, string message)
    {
        var e = Assert.Throws<AccuracyFormatException>(() => TimmCsvAccuracy.Parse(csv, "bad.csv"));
        Assert.Equal(message, e.Message);
        Assert.Equal("bad.csv", e.Path);
    }
}
