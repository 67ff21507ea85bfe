{{ jsi_indicator_view('C2') }}
