namespace EffNetBench.Core.Zoo;

/// <summary>A variant name the zoo does not have: bad usage (exit 2).</summary>
public sealed class UnknownVariantException(string name)
    : EffNetBenchException(ErrorKind.Usage, name, $"unknown variant '{name}': use one of {string.Join(", ", ZooCatalog.All.Select(v => v.Name))} (or an .onnx file where a model path is accepted)")
{
    public string Variant => Input;
}
