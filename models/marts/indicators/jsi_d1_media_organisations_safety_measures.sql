{{ jsi_indicator_view('D1') }}
