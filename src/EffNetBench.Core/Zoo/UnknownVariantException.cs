namespace EffNetBench.Core.Zoo;

public sealed class UnknownVariantException(string name)
    : Exception($"unknown variant '{name}': use one of {string.Join(", ", ZooCatalog.All.Select(v => v.Name))} (or an .onnx file where a model path is accepted)")
{
    public string Variant { get; } = name;
}
