namespace EffNetBench.Core.Zoo;

public enum ActivationKind
{
    /// <summary>x * sigmoid(x); exported as Sigmoid + Mul (opset 17 has no SiLU op), as PyTorch does.</summary>
    Silu,

    /// <summary>min(max(x, 0), 6); exported as Clip.</summary>
    Relu6,
}
