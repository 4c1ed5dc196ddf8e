using System.CommandLine;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Commands;

/// <summary>Options shared by several commands, and the parsing of their values.</summary>
internal static class CommonOptions
{
    public static Option<string> Format(string defaultValue = "table") => new("--format", "-f")
    {
        Description = "Output format: table, csv or json",
        DefaultValueFactory = _ => defaultValue,
    };

    public static OutputFormat ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => throw new UsageException($"--format '{value}' is not a format: use table, csv or json"),
    };

    // The coefficients' own ranges are VariantSpec.Custom's; here only the number itself.
    public static readonly Option<double?> Width = OptionValues.Create("--width", OptionValues.Optional(OptionValues.Number(0, double.MaxValue, minOpen: true, example: "1.1")),
        "Custom model: width coefficient (with VARIANT 'custom')");

    public static readonly Option<double?> Depth = OptionValues.Create("--depth", OptionValues.Optional(OptionValues.Number(0, double.MaxValue, minOpen: true, example: "1.2")),
        "Custom model: depth coefficient (with VARIANT 'custom')");

    public static readonly Option<double?> Phi = OptionValues.Create("--phi", OptionValues.Optional(OptionValues.Number(0, 10)),
        "Custom model: compound coefficient phi (depth 1.2^phi, width 1.1^phi, resolution 224 x 1.15^phi)");

    public static readonly Option<int?> Resolution = OptionValues.Create("--resolution", OptionValues.Optional(OptionValues.WholeNumber(32, 2048)),
        "Input resolution (default: the variant's native one)", aliases: "-r");

    /// <summary>A zoo variant by name, or 'custom' with --width/--depth or --phi.</summary>
    public static VariantSpec ResolveVariant(string name, ParseResult parse)
    {
        double? width = parse.GetValue(Width), depth = parse.GetValue(Depth), phi = parse.GetValue(Phi);
        int? resolution = parse.GetValue(Resolution);
        if (!string.Equals(name, "custom", StringComparison.OrdinalIgnoreCase))
        {
            if (width is not null || depth is not null || phi is not null)
            {
                throw new UsageException($"--width/--depth/--phi build a custom model: use VARIANT 'custom' instead of '{name}'");
            }

            return ZooCatalog.Find(name).Spec;
        }

        if (phi is double p)
        {
            if (width is not null || depth is not null)
            {
                throw new UsageException("give either --phi or --width and --depth, not both");
            }

            (double w, double d, int r) = CompoundScaling.FromPhi(p);
            return Custom(w, d, resolution ?? r);
        }

        if (width is null || depth is null)
        {
            throw new UsageException("VARIANT 'custom' needs --width W --depth D [--resolution R], or --phi P");
        }

        return Custom(width.Value, depth.Value, resolution ?? CompoundScaling.BaseResolution);
    }

    private static VariantSpec Custom(double width, double depth, int resolution)
    {
        try
        {
            return VariantSpec.Custom(width, depth, resolution);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException($"custom model: {e.Message.Split(Environment.NewLine)[0]} (--{e.ParamName})");
        }
    }
}
