using EffNetBench.Core.Reporting.Accuracy;

namespace EffNetBench.Tests.Reporting.Leaderboards;

public sealed class TimmCsvAccuracyTests
{
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

        Assert.Equal<AccuracyEntry>(
        [
            new("b0", 224, 78.658, 94.378, "timm-csv:results-imagenet.csv", AccuracyKind.TimmCsv),
            new("v2-s", 384, 84.285, 97.006, "timm-csv:results-imagenet.csv", AccuracyKind.TimmCsv),
            new("b3", 320, 81.0, null, "timm-csv:results-imagenet.csv", AccuracyKind.TimmCsv),
            new("resnet50.a1_in1k", 224, 81.2, 95.1, "timm-csv:results-imagenet.csv", AccuracyKind.TimmCsv),
        ], table.Entries);
        Assert.Equal<string>(
            ["timm-csv:results-imagenet.csv: 2 rows map to b0 at 224 px (tf_efficientnet_b0.ns_jft_in1k, efficientnet_b0.ra_in1k); the first is used"],
            table.Notes);
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
