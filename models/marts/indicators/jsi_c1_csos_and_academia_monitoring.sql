{{ jsi_indicator_view('C1') }}
