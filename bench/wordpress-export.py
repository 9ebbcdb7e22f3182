#!/usr/bin/env python3
"""Writes a large WordPress export (WXR 1.2) for the import benchmark: block-editor and classic
articles with headings, lists, tables, captions and embeds, threaded comments of every status,
pages, authors, categories and tags. Deterministic (seeded), streamed to the file.

usage: wordpress-export.py <file> [posts=10000] [comments=100000]
"""
import random
import sys
from xml.sax.saxutils import escape

path = sys.argv[1]
posts = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
comments = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
rng = random.Random(42)
words = ("anxiety sleep depression therapy ketamine infusion clinic patient nurse psychiatrist care plan dose "
         "session evidence study trial symptom relief safety monitoring follow-up appointment family support "
         "wellbeing mood treatment option research outcome recovery routine").split()


def sentence(n=12):
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def block_content(i):
    parts = []
    for p in range(6):
        parts.append(f"<!-- wp:paragraph -->\n<p>{sentence(25)} <strong>{sentence(4)}</strong> {sentence(18)}</p>\n<!-- /wp:paragraph -->")
        if p == 1:
            parts.append("<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->")
        if p == 2:
            parts.append(f"<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">{sentence(5)}</h2>\n<!-- /wp:heading -->")
            items = "".join(f"<!-- wp:list-item -->\n<li>{sentence(8)}</li>\n<!-- /wp:list-item -->" for _ in range(4))
            parts.append(f"<!-- wp:list -->\n<ul class=\"wp-block-list\">{items}</ul>\n<!-- /wp:list -->")
        if p == 3 and i % 5 == 0:
            parts.append("<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Week</td><td>Sessions</td></tr>"
                         "<tr><td>1</td><td>2</td></tr></tbody></table></figure>\n<!-- /wp:table -->")
        if p == 4 and i % 7 == 0:
            parts.append(f"<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://bigclinic.example/wp-content/uploads/2023/0{i % 9 + 1}/photo-{i}.jpg\" alt=\"{sentence(4)}\"/></figure>\n<!-- /wp:image -->")
    return "\n\n".join(parts)


def classic_content(i):
    text = "\n\n".join(f"{sentence(30)}\n{sentence(10)}" for _ in range(5))
    return (text + f"\n\n[caption id=\"attachment_{i}\" width=\"300\"]<img src=\"https://bigclinic.example/wp-content/uploads/2022/05/room-{i}.jpg\" alt=\"Room\" /> {sentence(5)}[/caption]\n\n"
            + "[embed]https://www.youtube.com/watch?v=abc" + str(i) + "[/embed]\n\n" + sentence(20))


with open(path, "w", encoding="utf-8") as out:
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
      '<title>Big Clinic</title>\n<link>https://bigclinic.example</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n'
      '<wp:base_site_url>https://bigclinic.example</wp:base_site_url>\n<wp:base_blog_url>https://bigclinic.example</wp:base_blog_url>\n')
    for a in range(8):
        w(f"<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login>{cdata('author' + str(a))}</wp:author_login>"
          f"<wp:author_email>{cdata(f'author{a}@bigclinic.example')}</wp:author_email><wp:author_display_name>{cdata(f'Dr. Author {a}')}</wp:author_display_name></wp:author>\n")
    categories = [f"topic-{c}" for c in range(20)]
    tags = [f"tag-{t}" for t in range(60)]
    for c in categories:
        w(f"<wp:category><wp:category_nicename>{cdata(c)}</wp:category_nicename><wp:cat_name>{cdata(c.replace('-', ' ').title())}</wp:cat_name></wp:category>\n")
    for t in tags:
        w(f"<wp:tag><wp:tag_slug>{cdata(t)}</wp:tag_slug><wp:tag_name>{cdata(t.replace('-', ' ').title())}</wp:tag_name></wp:tag>\n")

    comment_id = 1
    per_post = comments // posts
    extra = comments - per_post * posts
    for i in range(1, posts + 1):
        status = "publish" if i % 50 else rng.choice(["draft", "pending", "future", "private"])
        day = f"20{18 + i % 7}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
        title = f"{sentence(6)[:-1]} ({i})"
        content = block_content(i) if i % 3 else classic_content(i)
        n = per_post + (1 if i <= extra else 0)
        thread = []
        for k in range(n):
            parent = 0
            if thread and k % 3:
                parent = rng.choice(thread[-5:])
            approved = rng.choices(["1", "0", "spam", "trash"], weights=[85, 7, 6, 2])[0]
            thread.append(comment_id)
            ip = f"203.0.{rng.randrange(256)}.{rng.randrange(1, 255)}"
            thread_xml = (f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author>{cdata('Reader ' + str(comment_id % 997))}</wp:comment_author>"
                          f"<wp:comment_author_email>{cdata(f'reader{comment_id % 997}@example.com')}</wp:comment_author_email><wp:comment_author_IP>{cdata(ip)}</wp:comment_author_IP>"
                          f"<wp:comment_date>{day} 12:{k % 60:02d}:00</wp:comment_date><wp:comment_date_gmt>{day} 11:{k % 60:02d}:00</wp:comment_date_gmt>"
                          f"<wp:comment_content>{cdata(sentence(20) + chr(10) + sentence(8))}</wp:comment_content><wp:comment_approved>{approved}</wp:comment_approved>"
                          f"<wp:comment_type>comment</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n")
            comment_id += 1
            if k == 0:
                comment_block = [thread_xml]
            else:
                comment_block.append(thread_xml)
        w("<item>\n"
          f"<title>{cdata(title)}</title>\n<link>https://bigclinic.example/{day.replace('-', '/')}/post-{i}/</link>\n"
          f"<dc:creator>{cdata('author' + str(i % 8))}</dc:creator>\n"
          f"<content:encoded>{cdata(content)}</content:encoded>\n<excerpt:encoded>{cdata('')}</excerpt:encoded>\n"
          f"<wp:post_id>{i}</wp:post_id>\n<wp:post_date>{day} 10:00:00</wp:post_date>\n<wp:post_date_gmt>{day} 09:00:00</wp:post_date_gmt>\n"
          f"<wp:comment_status>open</wp:comment_status>\n<wp:post_name>{cdata('post-' + str(i))}</wp:post_name>\n<wp:status>{status}</wp:status>\n"
          f"<wp:post_type>post</wp:post_type>\n<wp:post_password></wp:post_password>\n"
          f"<category domain=\"category\" nicename=\"{categories[i % 20]}\">{cdata(categories[i % 20])}</category>\n"
          f"<category domain=\"post_tag\" nicename=\"{tags[i % 60]}\">{cdata(tags[i % 60])}</category>\n"
          f"<category domain=\"post_tag\" nicename=\"{tags[(i * 7) % 60]}\">{cdata(tags[(i * 7) % 60])}</category>\n"
          + ("".join(comment_block) if n else "") + "</item>\n")
    for p in range(1, 21):
        w(f"<item><title>{cdata('Page ' + str(p))}</title><link>https://bigclinic.example/page-{p}/</link><dc:creator>author0</dc:creator>"
          f"<content:encoded>{cdata(block_content(p))}</content:encoded><wp:post_id>{posts + p}</wp:post_id>"
          f"<wp:post_date>2020-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt>"
          f"<wp:post_name>page-{p}</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>\n")
    w("</channel>\n</rss>\n")
