using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking;

public sealed class RunRequestTests
{
    [Fact]
    public void Every_session_of_a_run_gets_its_recorded_graph_opt_and_spin_with_the_given_provider_options()
    {
        var settings = new RunSettings([], [], ["cpu"], [1], [null], "quick", 42, "/tmp/out", null) { GraphOptimization = "basic", Spin = false };

        var request = new RunRequest(settings, new ProviderSettings(DeviceId: 1));

        Assert.Equal(("basic", (bool?)false, 1), (request.ProviderSettings.GraphOptimization, request.ProviderSettings.Spin, request.ProviderSettings.DeviceId));
    }

    [Fact]
    public void A_run_without_them_leaves_the_runtime_defaults()
    {
        var settings = new RunSettings([], [], ["cpu"], [1], [null], "quick", 42, "/tmp/out", null);

        var request = new RunRequest(settings, new ProviderSettings { GraphOptimization = "disabled", Spin = true });

        Assert.Equal(((string?)null, (bool?)null), (request.ProviderSettings.GraphOptimization, request.ProviderSettings.Spin));
    }
}
