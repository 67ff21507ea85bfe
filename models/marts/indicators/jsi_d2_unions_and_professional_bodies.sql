{{ jsi_indicator_view('D2') }}
