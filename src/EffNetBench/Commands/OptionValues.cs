using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EffNetBench.Core.Regression;

namespace EffNetBench.Commands;

/// <summary>
/// What an option accepts: its parser (invariant culture, whatever the machine's culture) and the allowed values in
/// words, for the one error form every option shares: "--name 'text' is not valid: use {Allowed}" (exit 2).
/// </summary>
internal sealed record ValueKind<T>(string Allowed, Func<string, (bool Ok, T Value)> TryParse);

/// <summary>The kinds of values the options take, and the typed options made from them.</summary>
internal static class OptionValues
{
    /// <summary>An option parsed by <paramref name="kind"/>; a value outside it is a parse error (exit 2) naming the option, the value and the allowed range.</summary>
    public static Option<T> Create<T>(string name, ValueKind<T> kind, string description, Func<T>? defaultValue = null, params string[] aliases)
    {
        var option = new Option<T>(name, aliases) { Description = description };
        option.CustomParser = result => Parse(result, name, kind, defaultValue);
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue();
        }

        return option;
    }

    /// <summary>
    /// A text option checked by <paramref name="kind"/> at parse time, read with <see cref="Read"/>: for a kind whose
    /// valid value is null (a keyword such as 'dynamic'), which System.CommandLine 2.0 cannot return from a custom parser.
    /// </summary>
    public static Option<string> Checked<T>(string name, ValueKind<T> kind, string description, string defaultText, params string[] aliases)
    {
        var option = new Option<string>(name, aliases) { Description = description, DefaultValueFactory = _ => defaultText };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !kind.TryParse(result.Tokens[^1].Value).Ok)
            {
                result.AddError(Error(name, result.Tokens[^1].Value, kind));
            }
        });
        return option;
    }

    /// <summary>The value of a <see cref="Checked"/> option (already validated).</summary>
    public static T Read<T>(ParseResult parse, Option<string> option, ValueKind<T> kind) => kind.TryParse(parse.GetValue(option)!).Value;

    /// <summary>The same for an argument.</summary>
    public static T Parse<T>(ArgumentResult result, string name, ValueKind<T> kind, Func<T>? defaultValue = null)
    {
        if (result.Tokens.Count == 0)
        {
            return defaultValue is null ? default! : defaultValue();
        }

        // A repeated option adds to a list; for a single value the last one wins.
        string text = kind.Allowed.Contains("comma-separated", StringComparison.Ordinal)
            ? string.Join(',', result.Tokens.Select(t => t.Value))
            : result.Tokens[^1].Value;
        (bool ok, T value) = kind.TryParse(text);
        if (!ok)
        {
            result.AddError(Error(name, text, kind));
        }

        return value;
    }

    public static string Error<T>(string name, string text, ValueKind<T> kind) => $"{name} '{text}' is not valid: use {kind.Allowed}";

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (digits only: no sign, no group separators).</summary>
    public static ValueKind<int> WholeNumber(int min, int max) => new(
        max == int.MaxValue ? Invariant($"a whole number of at least {min}") : Invariant($"a whole number from {min} to {max}"),
        text => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max ? (true, n) : (false, 0));

    /// <summary>Any whole number, negative ones included.</summary>
    public static ValueKind<int> AnyWholeNumber { get; } = new(
        "a whole number",
        text => int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? (true, n) : (false, 0));

    /// <summary>A non-negative 64-bit whole number (seeds).</summary>
    public static ValueKind<ulong> Seed { get; } = new(
        "a whole number from 0 to 18446744073709551615",
        text => ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong n) ? (true, n) : (false, 0));

    /// <summary>A finite decimal number in a range, each end open or closed; '.' is the decimal point, ',' is never one.</summary>
    public static ValueKind<double> Number(double min, double max, bool minOpen = false, bool maxOpen = false, string? example = null) => new(
        (max == double.MaxValue ? Invariant($"a number {(minOpen ? "above" : "of at least")} {min}") : Invariant($"a number in {(minOpen ? '(' : '[')}{min}, {max}{(maxOpen ? ')' : ']')}"))
            + (example is null ? string.Empty : ", e.g. " + example),
        text => TryNumber(text, out double v) && (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max) ? (true, v) : (false, 0));

    /// <summary>A share from 0 to 1, as a percentage ("1%") or a fraction ("0.01").</summary>
    public static ValueKind<double> Share { get; } = new(
        "a percentage such as 1% or a fraction in [0, 1] such as 0.01",
        text =>
        {
            string t = text.Trim();
            bool percent = t.EndsWith('%');
            return TryNumber(percent ? t[..^1] : t, out double v) && (percent ? v / 100 : v) is double f && f is >= 0 and <= 1 ? (true, f) : (false, 0);
        });

    /// <summary>A percentage of at least 0 with its '%' ("5%"), as a fraction (0.05).</summary>
    public static ValueKind<double> Percent { get; } = new(
        "a number >= 0 followed by %, e.g. 5%",
        text => CompareOptionText.TryParsePercent(text, out double f) ? (true, f) : (false, 0));

    /// <summary>A percentage above 0 with its '%' ("5%"), as a fraction: a threshold of 0 would call any difference a change.</summary>
    public static ValueKind<double> PositivePercent { get; } = new(
        "a number > 0 followed by %, e.g. 5%",
        text => CompareOptionText.TryParsePercent(text, out double f) && f > 0 ? (true, f) : (false, 0));

    /// <summary>A duration above 0 with a unit ms, us, ns or s (ms when bare), in milliseconds.</summary>
    public static ValueKind<double> PositiveDuration { get; } = new(
        "a number > 0 with ms, us, ns or s, e.g. 0.05ms",
        text => CompareOptionText.TryParseMilliseconds(text, out double ms) && ms > 0 ? (true, ms) : (false, 0));

    /// <summary>A duration of at least 0 with a unit ms, us, ns or s (ms when bare), in milliseconds.</summary>
    public static ValueKind<double> Duration { get; } = new(
        "a number >= 0 with ms, us, ns or s, e.g. 0.05ms",
        text => CompareOptionText.TryParseMilliseconds(text, out double ms) ? (true, ms) : (false, 0));

    /// <summary>Exactly <paramref name="count"/> comma-separated values of <paramref name="item"/> (e.g. R,G,B).</summary>
    public static ValueKind<ImmutableArray<T>> Tuple<T>(int count, ValueKind<T> item, string example) => new(
        Invariant($"{count} comma-separated values, each {item.Allowed}, e.g. {example}"),
        text => Items(text, item) is { } values && values.Length == count ? (true, values) : (false, []));

    /// <summary>One or more comma-separated values of <paramref name="item"/>, duplicates dropped; an empty list is not valid.</summary>
    public static ValueKind<ImmutableArray<T>> List<T>(ValueKind<T> item) => new(
        $"comma-separated values, each {item.Allowed}",
        text => Items(text, item) is { IsEmpty: false } values ? (true, [.. values.Distinct()]) : (false, []));

    /// <summary><paramref name="item"/>, or <paramref name="keyword"/> (case-insensitive) for null.</summary>
    public static ValueKind<int?> OrKeyword(ValueKind<int> item, string keyword) => new(
        $"{item.Allowed}, or '{keyword}'",
        text => string.Equals(text.Trim(), keyword, StringComparison.OrdinalIgnoreCase) ? (true, null)
            : item.TryParse(text) is (true, int v) ? (true, v) : (false, null));

    /// <summary><paramref name="item"/> as an optional value (null when the option is absent).</summary>
    public static ValueKind<TValue?> Optional<TValue>(ValueKind<TValue> item)
        where TValue : struct => new(item.Allowed, text => item.TryParse(text) is (true, TValue v) ? (true, v) : (false, null));

    /// <summary>One of <paramref name="names"/> (case-insensitive), as its value.</summary>
    public static ValueKind<T> OneOf<T>(IReadOnlyList<(string Name, T Value)> names) => new(
        names.Count == 2 ? $"{names[0].Name} or {names[1].Name}" : string.Join(", ", names.Select(n => n.Name).SkipLast(1)) + " or " + names[^1].Name,
        text => names.FirstOrDefault(n => string.Equals(n.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { Name: not null } hit ? (true, hit.Value) : (false, default!));

    private static ImmutableArray<T>? Items<T>(string text, ValueKind<T> item)
    {
        var values = ImmutableArray.CreateBuilder<T>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            (bool ok, T value) = item.TryParse(part);
            if (!ok)
            {
                return null;
            }

            values.Add(value);
        }

        return values.ToImmutable();
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
