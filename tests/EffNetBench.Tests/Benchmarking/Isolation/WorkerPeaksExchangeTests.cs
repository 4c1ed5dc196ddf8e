using System.Text.Json;
using EffNetBench.Core.Benchmarking.Isolation;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking.Isolation;

/// <summary>The peaks request kind and its reply survive the files a run exchanges with its worker.</summary>
public sealed class WorkerPeaksExchangeTests
{
    [Fact]
    public void A_peaks_request_and_its_reply_round_trip_and_a_case_request_has_none()
    {
        var settings = new RunSettings([], [], ["cpu"], [1], [null], "quick", 0, "/tmp/out", null);
        var request = new WorkerRequest(settings, new ProviderSettings(), null, false, false, false, null, null, null, null, null, 0) { Peaks = new PeakRequest("cpu", 2) };
        var peaks = new MachinePeaks("cpu", "1.31.1", "AMD EPYC", 2, 37.5, 11.5, 9.5, "fake", DateTimeOffset.UnixEpoch);
        var reply = new WorkerReply(null, null, null, null, null, null, 12) { Peaks = peaks };

        string requestText = JsonSerializer.Serialize(request, WorkerJson.Options);
        WorkerRequest? back = JsonSerializer.Deserialize<WorkerRequest>(requestText, WorkerJson.Options);
        WorkerReply? replyBack = JsonSerializer.Deserialize<WorkerReply>(JsonSerializer.Serialize(reply, WorkerJson.Options), WorkerJson.Options);

        Assert.Contains("\"peaks\":{\"provider\":\"cpu\",\"threads\":2}", requestText);
        Assert.Equal(new PeakRequest("cpu", 2), back!.Peaks);
        Assert.Equal(peaks, replyBack!.Peaks);
        Assert.Null(JsonSerializer.Deserialize<WorkerRequest>(JsonSerializer.Serialize(request with { Peaks = null }, WorkerJson.Options), WorkerJson.Options)!.Peaks);
    }
}
