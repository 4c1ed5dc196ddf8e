using System.Globalization;
using EffNetBench.Core.Reporting;

namespace EffNetBench.Tests.Reporting;

public sealed class ZooModelsReportTests
{
    private static readonly ZooModelRow[] Rows =
    [
        new("b0", "EfficientNet", 224, 5_288_548, 5_267_540, 385_814_752, 795_588_220, 5.3e6, 0.39e9, 224, 77.1, 93.3, "paper", 5_288_548, 0.386, 224),
        new("lite0", "EfficientNetLite", 224, 4_652_008, 4_640_000, 385_000_000, 784_000_000, 4.7e6, 407e6, 224, 75.1, null, "tf-lite-readme", null, null, null),
    ];

    [Fact]
    public void Csv_is_exact_rfc4180_with_empty_cells_for_missing_figures()
    {
        string csv = ZooModelsReport.Render(Rows, OutputFormat.Csv);

        Assert.Equal(
            "name,family,resolution,params,graph_params,macs,flops,published_params,published_macs,published_macs_resolution,reference_top1,reference_top5,reference_source,torchvision_params,torchvision_gmacs,torchvision_resolution\r\n"
            + "b0,EfficientNet,224,5288548,5267540,385814752,795588220,5300000,390000000,224,77.1,93.3,paper,5288548,0.386,224\r\n"
            + "lite0,EfficientNetLite,224,4652008,4640000,385000000,784000000,4700000,407000000,224,75.1,,tf-lite-readme,,,\r\n",
            csv);
    }

    [Fact]
    public void Json_uses_snake_case_and_nulls_for_missing_figures_under_a_foreign_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
            string json = ZooModelsReport.Render(Rows, OutputFormat.Json);
            Assert.Contains("\"reference_top1\": 77.1,", json);
            Assert.Contains("\"torchvision_gmacs\": 0.386,", json);
            Assert.Contains("\"reference_top5\": null,", json);
            Assert.DoesNotContain("77,1", json);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Table_labels_the_source_of_every_published_number()
    {
        string table = ZooModelsReport.Render(Rows, OutputFormat.Table);
        Assert.Contains("5.3M (tv 5288548)", table);
        Assert.Contains("0.39 (tv 0.386)", table);
        Assert.Contains("tf-lite-readme", table);
        Assert.Contains("synthetic weights, so it is not measured", table);
    }

    [Fact]
    public void Csv_quotes_fields_with_separators_and_quotes()
    {
        string csv = Tabular.Csv(["a", "b"], [["x,y", "say \"hi\""]]);
        Assert.Equal("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n", csv);
    }
}
