{{ jsi_indicator_view('A2') }}
