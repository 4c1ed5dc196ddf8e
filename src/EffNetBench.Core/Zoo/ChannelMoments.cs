namespace EffNetBench.Core.Zoo;

/// <summary>Predicted per-channel mean and variance of an activation tensor on unit-Gaussian input.</summary>
/// <remarks>
/// Synthetic weights are only useful for benchmarking if activations stay finite and of ordinary magnitude through
/// every block: NaNs or denormals take other code paths. The writer tracks these moments layer by layer (channels and
/// positions taken as independent) and sets each BatchNorm's running statistics to the predicted statistics of its
/// input, so every BN re-normalises to N(beta, gamma^2) and prediction errors do not compound.
/// </remarks>
internal sealed class ChannelMoments(double[] mean, double[] variance)
{
    public double[] Mean { get; } = mean;

    public double[] Variance { get; } = variance;

    public int Channels => Mean.Length;

    public static ChannelMoments Uniform(int channels, double mean, double variance) =>
        new(Enumerable.Repeat(mean, channels).ToArray(), Enumerable.Repeat(variance, channels).ToArray());

    /// <summary>Moments of act(z) for z ~ N(beta_c, gamma_c^2), per channel, by numerical integration.</summary>
    public static ChannelMoments AfterBatchNormAndActivation(float[] gamma, float[] beta, ActivationKind activation)
    {
        var mean = new double[gamma.Length];
        var variance = new double[gamma.Length];
        for (int c = 0; c < gamma.Length; c++)
        {
            (double m, double m2) = ActivationMoments(activation, beta[c], Math.Abs(gamma[c]));
            mean[c] = m;
            variance[c] = Math.Max(m2 - (m * m), 1e-6);
        }

        return new ChannelMoments(mean, variance);
    }

    public static ChannelMoments AfterBatchNorm(float[] gamma, float[] beta) =>
        new(beta.Select(b => (double)b).ToArray(), gamma.Select(g => (double)g * g).ToArray());

    /// <summary>A residual add of two independent tensors.</summary>
    public ChannelMoments Add(ChannelMoments other) =>
        new(Mean.Zip(other.Mean, (a, b) => a + b).ToArray(), Variance.Zip(other.Variance, (a, b) => a + b).ToArray());

    /// <summary>Channel-wise scaling (the squeeze-excite gate).</summary>
    public ChannelMoments Scale(double[] gate) =>
        new(Mean.Select((m, c) => m * gate[c]).ToArray(), Variance.Select((v, c) => v * gate[c] * gate[c]).ToArray());

    private const int Points = 121;

    /// <summary>E[act(z)] and E[act(z)^2] for z ~ N(mu, sigma^2): Simpson's rule over mu +- 6 sigma.</summary>
    internal static (double Mean, double SecondMoment) ActivationMoments(ActivationKind activation, double mu, double sigma)
    {
        double h = 12.0 / (Points - 1);
        double sum1 = 0, sum2 = 0;
        for (int i = 0; i < Points; i++)
        {
            double t = -6.0 + (i * h);
            double weight = (i == 0 || i == Points - 1 ? 1 : i % 2 == 1 ? 4 : 2) * Math.Exp(-0.5 * t * t);
            double a = Activate(activation, mu + (sigma * t));
            sum1 += weight * a;
            sum2 += weight * a * a;
        }

        double norm = h / 3.0 / Math.Sqrt(2 * Math.PI);
        return (sum1 * norm, sum2 * norm);
    }

    internal static double Activate(ActivationKind activation, double x) => activation switch
    {
        ActivationKind.Silu => x / (1 + Math.Exp(-x)),
        ActivationKind.Relu6 => Math.Clamp(x, 0, 6),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}
