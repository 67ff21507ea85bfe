{{ jsi_indicator_view('B3') }}
