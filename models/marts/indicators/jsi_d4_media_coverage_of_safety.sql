{{ jsi_indicator_view('D4') }}
