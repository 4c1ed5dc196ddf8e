namespace EffNetBench.Core.Zoo;

public enum BatchNormMode
{
    /// <summary>BatchNormalization folded into the preceding conv's weights and bias, as deployed models are.</summary>
    Fold,

    /// <summary>BatchNormalization kept as graph nodes (scale, bias, running mean and variance initializers).</summary>
    Keep,
}
