{{ jsi_indicator_view('B1') }}
