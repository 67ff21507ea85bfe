{{ jsi_indicator_view('D5') }}
