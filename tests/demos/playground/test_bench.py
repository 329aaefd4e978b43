"""The benchmark runs and reports its numbers (their size is not tested)."""

from demos.playground.bench import measure


def test_the_benchmark_reports_every_figure():
    result = measure(0.5)
    assert result.clicks >= 1 and result.steps_per_second > 0
    assert result.frames_per_second > 0
    assert 0 < result.click_median_ms <= result.click_max_ms
    lines = result.lines()
    assert any("steps/s" in line for line in lines)
