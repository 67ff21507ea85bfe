{{ jsi_indicator_view('B2') }}
