{{ jsi_indicator_view('B4') }}
