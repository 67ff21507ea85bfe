{{ jsi_indicator_view('C3') }}
