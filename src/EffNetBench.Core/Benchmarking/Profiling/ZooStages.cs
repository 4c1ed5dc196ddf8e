using System.Globalization;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>The EfficientNet stage of a zoo graph's node, from the names <see cref="EfficientNetGraphWriter"/> gives:
/// "stem.*", "blocks.&lt;i&gt;.*" (block i of the architecture, whose stage is 1 to 7), "head.*" and "classifier".</summary>
public static class ZooStages
{
    public const string Stem = "stem";
    public const string Head = "head";

    public static Func<string, string?> For(EfficientNetArchitecture arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return name => Of(arch, name);
    }

    private static string? Of(EfficientNetArchitecture arch, string name)
    {
        if (name == Stem || name.StartsWith(Stem + ".", StringComparison.Ordinal))
        {
            return Stem;
        }

        if (name == Head || name.StartsWith(Head + ".", StringComparison.Ordinal) || name == "classifier")
        {
            return Head;
        }

        const string blocks = "blocks.";
        if (name.StartsWith(blocks, StringComparison.Ordinal))
        {
            int end = name.IndexOf('.', blocks.Length);
            string index = end < 0 ? name[blocks.Length..] : name[blocks.Length..end];
            if (int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < arch.Blocks.Length)
            {
                return "stage" + arch.Blocks[i].Stage.ToString(CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
