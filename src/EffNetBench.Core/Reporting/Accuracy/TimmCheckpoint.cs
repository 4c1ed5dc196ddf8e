using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// Which of timm's checkpoints of one architecture a leaderboard takes its accuracy from. timm lists several per
/// architecture and size (efficientnet_b0.ra_in1k, tf_efficientnet_b0.aa_in1k, .ap_in1k, .ns_jft_in1k, ...), trained
/// with different recipes and some with extra data, and they differ by up to two top-1 points.
/// </summary>
public static class TimmCheckpoint
{
    /// <summary>Pretrained-tag words that mean training data beyond ImageNet-1k (ImageNet-21k/22k/12k, JFT and Noisy Student, Instagram, YFCC, LAION, ...).</summary>
    public static readonly ImmutableArray<string> ExtraDataWords = ["in21k", "in22k", "in12k", "jft", "ns", "ig1b", "yfcc100m", "laion2b", "openai", "swag", "m38m", "m30m"];

    /// <summary>
    /// The checkpoint of the published recipe on ImageNet-1k alone: tf_efficientnet_bX.aa_in1k for B0-B7 (the
    /// paper's Table 2, AutoAugment), tf_efficientnet_liteX.in1k for Lite, tf_efficientnetv2_X.in1k for V2; null
    /// for a name that is not a zoo variant.
    /// </summary>
    public static string? Default(string zooName)
    {
        if (!ZooCatalog.TryFind(zooName, out ZooVariant variant))
        {
            return null;
        }

        return variant.Spec.Family switch
        {
            ModelFamily.EfficientNet => $"tf_efficientnet_{variant.Name}.aa_in1k",
            ModelFamily.EfficientNetLite => $"tf_efficientnet_{variant.Name}.in1k",
            ModelFamily.EfficientNetV2 => $"tf_efficientnetv2_{variant.Name["v2-".Length..]}.in1k",
            _ => null,
        };
    }

    /// <summary>The pretrained tag of a timm name: "ns_jft_in1k" of tf_efficientnet_b0.ns_jft_in1k; empty without one.</summary>
    public static string Tag(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? string.Empty : name[(dot + 1)..];
    }

    /// <summary>Whether the checkpoint's tag says it was trained on more than ImageNet-1k.</summary>
    public static bool UsesExtraData(string name) =>
        Tag(name).Split('_').Any(word => ExtraDataWords.Contains(word, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Whether <paramref name="name"/> matches one `--timm-checkpoint` pattern: a glob over the whole name when it has
    /// '*' or '?' (tf_efficientnet_*.ap_in1k), the whole name when it has a '.', else the pretrained tag (ra_in1k);
    /// case-insensitive.
    /// </summary>
    public static bool Matches(string name, string pattern)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pattern);
        pattern = pattern.Trim();
        if (pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal))
        {
            string regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
            return Regex.IsMatch(name, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return pattern.Contains('.', StringComparison.Ordinal)
            ? string.Equals(name, pattern, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Tag(name), pattern, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The checkpoint to use among <paramref name="names"/> (the rows of one architecture and size, in file order),
    /// and why. With <paramref name="patterns"/> (comma-separated, in order of preference) the first name the first
    /// matching pattern matches, or null when none does. Without, <see cref="Default"/> when listed, else the first
    /// ImageNet-1k-only row, else the first row.
    /// </summary>
    public static (string? Name, string Why) Choose(string zooName, IReadOnlyList<string> names, string? patterns)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (!string.IsNullOrWhiteSpace(patterns))
        {
            foreach (string pattern in patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (names.FirstOrDefault(n => Matches(n, pattern)) is string chosen)
                {
                    return (chosen, $"--timm-checkpoint {pattern}");
                }
            }

            return (null, $"none matches --timm-checkpoint {patterns}");
        }

        string? preferred = Default(zooName);
        if (names.FirstOrDefault(n => string.Equals(n, preferred, StringComparison.OrdinalIgnoreCase)) is string published)
        {
            return (published, "the published recipe's ImageNet-1k checkpoint");
        }

        if (names.FirstOrDefault(n => !UsesExtraData(n)) is string in1k)
        {
            return (in1k, preferred is null ? "the first ImageNet-1k-only row" : $"the first ImageNet-1k-only row ({preferred} is not listed)");
        }

        return (names[0], "trained with extra data: no ImageNet-1k-only row is listed");
    }
}
