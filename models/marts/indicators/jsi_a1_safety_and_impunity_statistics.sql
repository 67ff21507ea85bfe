{{ jsi_indicator_view('A1') }}
