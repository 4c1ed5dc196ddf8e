using EffNetBench.Core.Evaluation.Precisions;

namespace EffNetBench.Tests.Evaluation.Precisions;

public sealed class McNemarTests
{
    [Theory]
    // b=3, c=0, n=3: 2 x C(3,0)/2^3 = 2/8 = 0.25
    [InlineData(3, 0, 0.25)]
    // b=5, c=1, n=6: 2 x (C(6,0)+C(6,1))/2^6 = 2 x 7/64 = 0.21875
    [InlineData(5, 1, 0.21875)]
    // b=2, c=10, n=12: 2 x (1+12+66)/4096 = 158/4096 = 0.03857421875 (symmetric in b and c)
    [InlineData(2, 10, 0.03857421875)]
    // b=4, c=4, n=8: 2 x (1+8+28+56+70)/256 = 326/256 > 1, so 1
    [InlineData(4, 4, 1.0)]
    // b=c=0: no discordant image
    [InlineData(0, 0, 1.0)]
    public void Fewer_than_25_discordant_images_take_the_exact_binomial_test(int b, int c, double p)
    {
        McNemarResult result = McNemar.Test(b, c);

        Assert.Equal(McNemar.ExactMethod, result.Method);
        Assert.Null(result.ChiSquare);
        Assert.Equal(p, result.PValue, 12);
    }

    [Theory]
    // b=30, c=10, n=40: (|30-10|-1)^2/40 = 361/40 = 9.025; p = erfc(sqrt(9.025/2)) = 0.0026631192591 (Python math.erfc)
    [InlineData(30, 10, 9.025, 0.0026631192591)]
    // b=15, c=10, n=25 (the first n on the chi-square side): (5-1)^2/25 = 0.64; p = erfc(sqrt(0.32)) = 0.4237107971668
    [InlineData(15, 10, 0.64, 0.4237107971668)]
    public void From_25_discordant_images_the_chi_square_with_continuity_correction(int b, int c, double chi, double p)
    {
        McNemarResult result = McNemar.Test(b, c);

        Assert.Equal(McNemar.ChiSquareMethod, result.Method);
        Assert.Equal(chi, result.ChiSquare!.Value, 12);

        // Erfc is a Chebyshev fit with relative error below 1.2e-7.
        Assert.Equal(p, result.PValue, p * 2e-7);
    }
}
