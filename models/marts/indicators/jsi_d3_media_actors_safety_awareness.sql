{{ jsi_indicator_view('D3') }}
