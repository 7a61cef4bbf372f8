#!/usr/bin/env python3
"""The consolidation as a pandas script would do it: the comparison in docs/benchmarks.md.

Reads every submission in a folder with openpyxl (read-only, streamed), keeps the data rows of
the three data sheets (the header found below a title row, blank and total rows left out, a merged
Year filled down, numbers written as text with a decimal comma read, "<5" as suppressed), adds the
member state and period from the cover sheet, sums the indicators per state, area, indicator and
year with pandas and compares each year with the one before, and writes the three sheets and the
changes with openpyxl's write-only workbook. It does much less than the job (no vocabulary, no
route or country names, no fingerprints, no data-quality review, no restart): a lower bound for a
script. Not part of the build; needs Debian's python3-openpyxl and python3-pandas.

    /usr/bin/python3 docs/openpyxl-reference.py target/benchmark/large/input /tmp/reference.xlsx
"""
import resource
import sys
import time
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook

SHEETS = ("Indicators", "Modus operandi", "Routes")


def number(value):
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("<"):
            return None  # suppressed
        try:
            return float(text.replace(" ", "").replace(",", "."))
        except ValueError:
            return None
    return None


def read_submission(path, rows_by_sheet):
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        cover = {row[0]: row[1] for row in workbook["Submission"].iter_rows(values_only=True) if row and row[0]}
        state, period = cover.get("Member state"), cover.get("Reporting period")
        for name in SHEETS:
            header, year = None, None
            for row in workbook[name].iter_rows(values_only=True):
                if header is None:
                    if row and row[0] == "Year":
                        header = [str(cell).strip() for cell in row if cell is not None]
                    continue
                if not row or all(cell is None or str(cell).strip() == "" for cell in row):
                    continue
                if isinstance(row[0], str) and row[0].strip().lower().startswith("total"):
                    continue
                year = row[0] if row[0] is not None else year  # merged Year: its first cell only
                values = dict(zip(header, row))
                values["Year"] = int(year) if year is not None else None
                values["Member state"], values["Reporting period"], values["Source file"] = state, period, path.name
                if name == "Indicators":
                    values["Value"] = number(values.get("Value"))
                rows_by_sheet[name].append(values)
    finally:
        workbook.close()


def write_sheet(workbook, name, frame):
    sheet = workbook.create_sheet(name)
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append([None if pd.isna(value) else value for value in row])


def main(folder, output):
    started = time.perf_counter()
    rows_by_sheet = {name: [] for name in SHEETS}
    files = sorted(Path(folder).glob("*.xlsx"))
    for path in files:
        read_submission(path, rows_by_sheet)
    frames = {name: pd.DataFrame(rows) for name, rows in rows_by_sheet.items()}
    read = time.perf_counter()

    for frame in frames.values():
        for column in ("Crime area", "Indicator", "Modus operandi", "Route", "Commodity"):
            if column in frame:
                frame[column] = frame[column].str.strip()
    totals = (frames["Indicators"].groupby(["Member state", "Crime area", "Indicator", "Year"])["Value"]
              .sum(min_count=1).reset_index().sort_values(["Member state", "Crime area", "Indicator", "Year"]))
    group = totals.groupby(["Member state", "Crime area", "Indicator"])["Value"]
    totals["Previous year"] = group.shift(1)
    totals["Change"] = totals["Value"] - totals["Previous year"]
    changes = totals[totals["Previous year"].notna()]
    analysed = time.perf_counter()

    workbook = Workbook(write_only=True)
    for name in SHEETS:
        write_sheet(workbook, name, frames[name])
    write_sheet(workbook, "Changes", changes)
    workbook.save(output)
    written = time.perf_counter()

    rows = sum(len(frame) for frame in frames.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(files)} files, {rows:,} data rows, {len(changes):,} changes")
    print(f"read {read - started:.1f} s, pandas {analysed - read:.1f} s, write {written - analysed:.1f} s, "
          f"whole {written - started:.1f} s, peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
