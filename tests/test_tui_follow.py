"""The reader follows commits made by another process: its list stays current.

Another ``newsdesk index`` (or a second reader) may add and delete articles
while a reader is open; search saw them at once, the list did not, and ``J``
stopped on a deleted article.
"""

from __future__ import annotations

from index.library import Library
from tui.app import NewsdeskApp
from tui.screens import reader as reader_module

from .tui_helpers import press, reader, run, settle, shown


def test_the_list_follows_another_process_s_commits(tmp_path, monkeypatch):
    monkeypatch.setattr(reader_module, "FOLLOW_SECONDS", 0.1)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"Report {name}\n\nThe council met in {name}.\n")
    Library([corpus], tmp_path / "index").update()

    async def test():
        app = NewsdeskApp(Library([corpus], tmp_path / "index"))
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            screen = reader(app)
            assert screen.sources.article_ids == ["a.txt", "b.txt", "c.txt"]
            # Another process deletes b and adds d, and commits.
            (corpus / "b.txt").unlink()
            (corpus / "d.txt").write_text("Report d\n\nThe council met in d.\n")
            other = Library([corpus], tmp_path / "index").update()
            assert other.added == ["d.txt"] and other.removed == ["b.txt"]
            for _ in range(100):
                await pilot.pause(0.05)
                if screen.sources.article_ids == ["a.txt", "c.txt", "d.txt"]:
                    break
            assert screen.sources.article_ids == ["a.txt", "c.txt", "d.txt"]
            assert shown(app)[0] == "a.txt"
            await press(app, pilot, "J")
            assert shown(app)[0] == "c.txt"  # b is gone, not stopped on
            await press(app, pilot, "J")
            assert shown(app)[0] == "d.txt"

    run(test)
