namespace EffNetBench.Core.Reporting.Plots;

// DejaVu Sans 2.37 (Book and Bold) cut down to the characters plot text needs: ASCII, Latin-1
// (µ, ×, °), dashes, quotes, bullet, ellipsis, superscript digits and signs, minus sign, trade mark.
// Embedded because ScottPlot 5.1.59 ships no font of its own and the SkiaSharp build it uses on
// Linux only finds fonts under /usr/share/fonts: on a machine without them every label would be
// blank. Using the same typeface everywhere also makes a plot's pixels the same on every machine.
//
// Made from Debian's fonts-dejavu-core 2.37-6 with fontTools (python3-fonttools) and gzip:
//   pyftsubset DejaVuSans[-Bold].ttf --no-hinting --layout-features=kern \
//     --name-IDs=0,1,2,3,4,5,6,13,14 --drop-tables+=FFTM \
//     --unicodes=U+0020-007E,U+00A0-00FF,U+2013-2014,U+2018-201D,U+2022,U+2026,U+2070-2079,U+207A-207B,U+2212,U+2122
//   then gzip -9 (mtime 0) and base64, wrapped at 100 characters.
// The fonts' own name tables keep their copyright and licence records.
//
// Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. Bitstream Vera is a trademark of
// Bitstream, Inc. Copyright (c) 2006 by Tavmjong Bah. All Rights Reserved. DejaVu changes are in
// public domain. Licence (Bitstream Vera; the Arev glyphs are under the same terms):
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of the fonts accompanying this license ("Fonts") and associated
// documentation files (the "Font Software"), to reproduce and distribute the
// Font Software, including without limitation the rights to use, copy, merge,
// publish, distribute, and/or sell copies of the Font Software, and to permit
// persons to whom the Font Software is furnished to do so, subject to the
// following conditions:
//
// The above copyright and trademark notices and this permission notice shall
// be included in all copies of one or more of the Font Software typefaces.
//
// The Font Software may be modified, altered, or added to, and in particular
// the designs of glyphs or characters in the Fonts may be modified and
// additional glyphs or characters may be added to the Fonts, only if the fonts
// are renamed to names not containing either the words "Bitstream" or the word
// "Vera".
//
// This License becomes null and void to the extent applicable to Fonts or Font
// Software that has been modified and is distributed under the "Bitstream
// Vera" names.
//
// The Font Software may be sold as part of a larger software package but no
// copy of one or more of the Font Software typefaces may be sold by itself.
//
// THE FONT SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
// OR IMPLIED, INCLUDING BUT NOT LIMITED TO ANY WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF COPYRIGHT, PATENT,
// TRADEMARK, OR OTHER RIGHT. IN NO EVENT SHALL BITSTREAM OR THE GNOME
// FOUNDATION BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, INCLUDING
// ANY GENERAL, SPECIAL, INDIRECT, INCIDENTAL, OR CONSEQUENTIAL DAMAGES,
// WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF
// THE USE OR INABILITY TO USE THE FONT SOFTWARE OR FROM OTHER DEALINGS IN THE
// FONT SOFTWARE.
//
// Except as contained in this notice, the names of Gnome, the Gnome
// Foundation, and Bitstream Inc., shall not be used in advertising or
// otherwise to promote the sale, use or other dealings in this Font Software
// without prior written authorization from the Gnome Foundation or Bitstream
// Inc., respectively. For further information, contact: fonts at gnome dot
// org.

/// <summary>The embedded plot typefaces, gzip-compressed TrueType as base64.</summary>
internal static class PlotFontData
{
    /// <summary>DejaVu Sans Book, subset (32976 bytes of TrueType).</summary>
    public const string RegularGzipBase64 = """
        H4sIAAAAAAACA+19CVgURxZwVXfPDIyK3HgLjoCKijoiggoeeCMSRUBUZLhRLhmMQTSeEVmieB94ocFjCbLGuIpoNIQkHsQkLhJD
        1HjFI4lRkpjEg6n5X1X3DDOIxt1Ndvf/v386fb2qevWuevXqVUsQRgi1RAsRj9JHBgwfgUs5DUKJbwK008jg8RN/29O1Gt4PIGR/
        YeTESUPdi/wrEZq/FMo3jBsSMirX88I1hF5vhxB3cPxEzz7JAa/As389lIfGpGjSlxe/4YDQ4BB4n5eg0aYjBRwocSG8N09Izop3
        /UtNN3iG+v2/TIzTxLp+eCMPoQGXAdYvEQAtdlhMBXxfwnvnxJTM12JaLHkPoYH2CPEfJqfFaKL8Uh8j5PMQIXw3RfNaOlbzFfB+
        Aeo7p2pS4lJClidD/58j5L4yPU2bqb+EIqD/KFqOOOwFdCNZDXBviZCr2kFlo7bhVTz2qqqqst/lQIisRjeLbMFxUO0jvpj7ltUF
        DrCNysYFTpxWzHUuhlo1nAc9od52hOROshNQryPUc+FdmmEXOzXv4uDCTpUdO71c2Ck4kSsh2DUgEXdOKkzA/cnOCdiPbEksTCCX
        EnYmko9wVAg5gZPi+TfIQT6HaPAOoikgBzeTaLydnptxUAHeAeJAxaRaSJHbIxfUBXlCzyq+J3b36oCdbHpir779vL3UDvDiAECb
        DtjBXq7gbazg7uhk4wflbtyhWJz0jxnx59OunPnqk9hppRMn/m3qzS9ufhGbOXfW9QWLskk17sH16HFo8BCMT3cu2fDWcavv7wod
        2/6tW0+BTFId2vrXypY8wgUtZoSHRtWQ8TapEeGJSIZm6W8qusrqUDPkhFTIHamBtk5y6Fjdpx/0697HEYhRdXIDGk3hrmqssjMp
        k50Pi4kJmxQTM2l7+bFtheXH6jeGxkSHhcXE8r0L6yMKO24/fmzHjqPl3Op1SxevX794yfoFl48du3Tp2PFLnGb94qXr1i1dtGHB
        45/lLS4de++rS8fLL4OuFulvygjQZol6AVVMHNC7tyX2w95qOafAKncrrOqEqPyYFNV9HKkIVYxQ/NOUSRcKp+8ZTbJx/YCh8vLm
        idOwU31+4jdLfiSfLlvWq8/XZRN3TwrbHpC0ZACvemVn+JoP/Adz+bpHk6sylhLyOrm5dnIYtru48HqM//yBuz7q3PmwZ++0cHUC
        EEPtDacxe2PWBpYmmhktO0B+4rLltqgFvMg5B3tbJ5Ub59XX1pvLXrZ4yRuFG9av2yi3vU387twhA259jz++dhV/eI+2LIKWaWJL
        O7WjrYM9p1D1s/XqyxVBo/UbCt9YskRue48MvHqN+H5/C3905w7+gLYbxI3hK0FSNvDSAitcgSKZew/sLYMR48pXks04wZccyCAH
        fHEC2eyLgzNwsHD1g8roKpKDs6qiKz+IqcJZJKcKcNUiJLskE8AigDMYE3QsebnY8KVcD131Pl0110Mm6KqL6UMx14P2vl1viysR
        AWtC3moHGD911UWLJpAS8j4eTMtj8VVuAbeEysoOEMZybXW3uCVFUHIJikuhJc9aqi5VVxNCWyD9UO6gJF2wNM6iWPcIBPw4Bawi
        R39TyJcsFmyVs7G2VfextbHm3PsgG2sE9gBXLm/rtm3w37ZtT7El+e3pU/IbtpQFk3PkEzjPAVI17ovVhURLlpEcosUrcBaei1dA
        39cREiKgbyXQ5GIj83JVUykQPAakGHcWj6kvKha0o8pGPakphtoboPYYoAb8qitU8+qHvNmABRtUePlhdR+BDmY5wrlcRX0g9KPW
        jNu7bHr1a3MvhN/F9sOntCYPi4uL5+DVvikbR8/ZMHTYJ7373P1g6u709uR7wL8VuNUC/i7AK3UMgksnN+o3xGHogb3EB7PueP/V
        b5HPyd3IUzNCTqecOHV0d+nh9dvf2jTxRIb2zOTbuPlK3rXjh6uu/OTqWtm7z4b8pev3zEnXZnd2O+TsfP7gvLep240FvopAChy1
        RUtwlGob6oCpLfBywmHiRWpqzugiZa71N/lz9ep9pBBHVYrWcFOIhZbtRW3bUKqQA3g+U8IpvVf41rrC7uHdn+DO5AJ5EFmZGPH+
        zP1nz+5/ZWeIrKaYrGnZktz/7kfyi7NzVe9eh7duPdzZDejJB/wbmP47m/sqzIY+xxs6VDlTS3Dp48gVLd+xYzmc2DJwS+Dp6pYD
        Ds68jmWk7gbRkfs4GLcN3MIPKN+189ixnbvKuayyzm7kJ/IgbBp58P1t8h2zjWi8uwPlbh/IJRG4kzPusAq77OPf192oxkSnltWE
        Plkk8wCrzQMa8xiNKubtTT0n9VSd1cx3KphGVZ06g++yM1QA0XB5q3bvXrVqz26ye/FqpP/6Klm9aM1b5LfffiO/FY1avWTx2rWL
        l6zmPirIySnYsiynINT54MJ3P//83YUHnTt9nF97925t/sdYk7l4cSacSPSkQg7Q04rKzJtpwdZO8p1ILcqpkxs29A/EXg/cOhYk
        5Xsw+Rp5iq1vYB7bkHfIrcCt2E+SZkeQE3gb29CpuOX3t7EjG0s7yJQO3EaDLGnfdcB/paASZ2ZvNos7qOqqq+lYF1SEzsnUf7Aa
        ltTvsRrMi1RTPwJ1dLVGX1KLImWXhD1U/pacA/bCsktPHwkWT4iM4+vIarL2MD6/B58HrLU4SnaJ3yX2Sy2RHrUyjlZ9Qvhd++qK
        zfHZeWGKkFUR5HzdYeK5h3geximUi7UwiR8ACfJUgjQWsVOB0vyx+WCnSm0JM5UCJiucU1X10cn+ERE+6iXJ49/VRFYklF0dFRHu
        6W4hlxOCVxfELQ6d7BXZe3LqiGHHffp/sCMwNzTU06u1w8C+tMccslUxS7YLbCgQGDexDkwV5yZNd15qMUBwd+tMqRCnG0eBzpNO
        cmpa7uLU0w9MTnACe7NGwN/KedkrVs3NyudcBm5JKLn45dsJWwfkr9ntPziR1BzIvhG17R1tShK237bocWLEfFK76SgpW7hw2fLX
        F+EJ713AM7PHjicfkLtc6/y3ila+ubuIjBo3+vHp00/GBi7ROTtefWfm8eAleUMGx5O/V+wg381ITAl7JU2TsGT+fDz6vcN4zPwF
        OaWF0bezyWPyuRw4tYYZJ5H5GiXzNdTl8xCHccfJfc6VZN/ifP6xXDd9eY3MSteaL33igReQRaCJMzAW70E7C5j3nNlsJYrI+ODq
        YjrMXPBaHPDWtm1vkePYY93q1etIM06482ThvPW7Sd1T3V3ujO5KTt6bb3DxxC8tY1b6nvffyd1l71y16fRX1PK0EI24gwW0hhfq
        aSTv0s/bwcr44ihzj7+zWI9IHbbGaPGd+Bk/LCX7yVy8DE9c9oMsumZ6JDlFviS15FTk9OpRo/AOnIAT8Y6RwDtwIzsgcQO8SKPS
        1YXdu2K89iEYZ0dynVSRodDuIN5AEkkw0cg8n87BrXBP3B077SEbyUKIXDYAvVQ6eYCvmeSHpfMMf0DXhjul8+Ee1ftRNzuiWHez
        WKqvgvqWJvVVZ/gIXToXrDtwllYdVazzliRBvRt4eFcWG4ChSQIQnExFI1SSw5ztbHK7kOwis3EejlyDFWnp9XnkPvkB22Hbmftq
        8Oo9ugUTJ+HNOAWn4s2jRlycHkU+JefJP8inrkikSzZA4gOmYohoWHB/5iz39dmzuk5AmG4rF/vEg/Ik1cdrxdgB6kM9qPGExmX6
        DSSelYiYrOXS7Hnm7Lmb4/yXpUK1teSnh8UbPpB6nSFGAVAXu1CzZJ1ux4KuLd+G/KpT065zuTm6UfU3uc90vSUZ0lYykVaQ9lnu
        Yv10wAzBglgu7wjlzamMASWNHFUUL+6B5+MFuMdHZEEVWfChrKbegn/0xEPWsR4J6Ml1gxzUBv2AfdgwgrA1t+FDUqebAW2edhSu
        P/EQrj/tSP0H1VJtQ5xEVaJmEZK7qB525d0vEx3mL1/GmOgvY1/8GllOPiYf0bBQFkjKyC1ym5ThUbgNbotHFZEpZDt18bgIJkSY
        EpFot8IKZrd2zG6NQw9CEcEDaMRryYqCghWkPz79lHbzlJyVeeo+W5OzbM2em5eu3NDto9SSRxK17c2ptROj/AaaOTOa/bHy4RUX
        lbVIMh5AWTj/LOVPPiNXHnAc3o01lG7GRz1ZKdEvg3gDqG/HYiwnO7o282BrSGfqPow88SuGZPudqz05Ju+1y2fxaYzql+hyyZr1
        69dwxx1XvU4S8YIN0bpcWc0XX64o58br7ucsWfIGaI5GrLuAN3fJc7AJtmMT4ZwnNgQHwijtJ9N3vztnz9wbF8kVcmfGg4XZ9zL2
        H88pyL5xFjv9kvSVrOgj734LX42J69jao/Zw7bVenp8PH7H89dR5HVv1eP/tj79xoxb/BHRDV8UwA/JSKC8XHujuV+nuw3h+UiNj
        65WDYCldoZYNs1pxpgH7EuV9sKq08oPSKnIVxHmLXAXLnA0Tcx2fVz+VXCZf4G6YhmFGHw7zKPhvS3Dh3Bjdx9W4Fn/1D90psE0n
        4Vs2ClEAQoo90higFWldlSVWBXwCuvO5SS/nSC4BhX4AC/yntsJ9esJYsH5Sx9Y6pv6Ataet8aJarMWza4kzzPxkKpn8FecgLfzV
        9Y+4bN0bPDUsfT1I5A6zVsSzrkEmQi3ejrfU6uqqoEUBF1//E3jHU7SvqdBXR6NPxDTAxy5aYX19MH/q6SD+QH2CrKbgaVpxgbBa
        WveFwxpfjDdoFONyAO+rqyMAzH9cn99oZQOWjYvZ0oaubORrofQUW//ZizkMF5jbVV5cGgl/8EBu/+jrfLmQTyMWfh+sz5ikJdb5
        41zHM2QUGXWGA2J11TiPzGYrM/090l6wJyVsHQW0C/ZPvyQl+RRLsVDH5crjaQlFgdNwm82kXB5P/oJfpaMiG2y2h5AN/s/VJH4d
        hL2BJGP84WIW+3AnrpYsStt8tKzM//jykirdU8zt3Rh1OCTuRMTPdZw6PjtaW3uoa6BuUXG8pmLXe+/bLsjr2bPY3b2e9lcO/RUB
        583YKDREodAlZuE8DHvo050Klb+1d82avfTUrfR9J/sTpNd/kv2O79GjnGfVnTtVcHITYjXkOHkEx3FN7D7Aimmeg78D/LQ2HYNq
        afbuJM3e/J2gbcHvfvzxu8HbgsbtnqYD8+6B5ZN2CV4lHh43z5276eFR3LkzUGSFbbGvitINeIUI6MGa0U0nJyYejvkvR9Owjd9V
        Vub7zrwqPdJXzXtHdwo42LcPuOAPc5GP7+2L1eAAbAFHgIY4SIxI+BcA3faoLdMhcxUNIQeIRsG4UQgL6g82P3dkxqnomM9nkofk
        FO5afwMryrjdywuOWnGRESdO9e1b2q077o+VMPUOI1c+3HiodDu1SVihcI+AB+q/HQBXeyz6CpWXmmqZe3QgZhz2JOePHjhQ+p7c
        fnNwYkx+vSd/Pj/oGFsrziKhQgTQ2IytUk1052TNNfi3QVgSjK0Yt/K7dq9ft3v3uvW7ywh5oil55ZXtE/5+yOfgvE/r6z+dd9Cn
        jBt0+vLl06cuX/6e3CDftu/wbvdu752cEhMNHoLHAvaNjmFzKiwyhFiJeiBa7N6G5gqZVQqxZfPmrS85enTou7MrPuaKdFO57Tu2
        nyjS5cjtddvjYh9QDiqgbRbgENcKNMKACL+iDH5C1NNCuf23iNNfIqGsTjPUUvSThvhBrPvW30f0TgpkDd784v2tms3yLt9K1G2F
        VlIcQb0VUFl+lHP9XlfKzazTnToqt69Pwjd1D3UlnEp3Bdo0UMNoATrk9o/vSbwq2oOkO8GLuN4w5biBdQeR9a7D31/8txNHM2bn
        7zmaMWfFnqNH/Q9kzX2bz5336i83qCB2bqWC4Lbv2nLyLV2OEFWaED3PKFPo5xmZOvyOTAEFFalot7OZTTg1ziiaZGm060reXr+2
        pGRtHbYl9+t+JA+wDX/1zpkzd+6ePvXtVnKa3CM/gCn7gMXa4/7UT4CtFQFeNt5cjSRJDsLMcWiPHm3wD1x/g9fYpyuVK4tNPAT+
        3jDczGy5XROrLmlY01WXCnsaRjCnbRjXvmVlRj+kKzUZ1LHFj38VJcuPAfw0xhfdUINYnfgxHUd337oX6C5/w65nO/6QrU3VCd1B
        EGp8jEwGrdPAi52C1k1EEjQR2ziSoCtEPi9oX0RubvQ6/w93//ZlRGVy/MeaxW/GvT347U3XPo0/JPiXdukSEjJ4tItVt825Ww+r
        VCe8vCa/MjbYtWXn9Yu3l3SAXr1BMD/JtovWQF2DveMA6ijcvKiLsMFzcDZ5Y6z2vfdqduXkyLaTD/J1hblBBTv+wUXlYz8q1VKw
        hnBmT/Zg0zYmQYY0m+BSalH7y8qGvTO74jT+DJdze3SaHTtOFHHZTwtL4mPq+H3i3A/eMIqt1sXAYVAljsSRlWTqEyGqPoQveVpI
        7TcU4mwvqMdijLaY/odVzbAqtOz2rdrbt8rIpdoff6qFFhv4GfR8WshvqJ9BWw6AHrKgZTOaX1CxCRY6EmLJTFxcS8pJeS1+l2TU
        4q64qxClu6qrwGVkFDeGcySzMJ1XB4H9UArBR8issOgh/DGLcri1QevmrU0ODFG7kAEi2Ymn5xaMWhYiBNWv45OhdThYxyVobRZv
        zOJn6AK5Q/XzuUO6OCFqX/2ltft4V4QxIgcFJ/ATEIDJqDoGYUNGEJ76DZB8OVv/tqemLDj5Pf5r8spBg/Jn/vWxX8CK0CmpaRGh
        K06sWnflwcbMfO36uitr88NXPNq2snXblVsfrQiHPgTSHpfK2xvz3KXF8vaPaPTUqH+pU++e2EiFI+20gQoPaDDizUkRaWkRk94c
        4f94b/JKP7+VyXsf+58IzX+0dWXb1iu3PVoZlr/2St16bX7mxgdX1tFoB1fLLvG92aqATdXubvQwRh1OjvSA3mWXkt7VpK5pJlO0
        3BIZXhJN39YqZRZWWyJD/8r3Pjg+YIDA8TK/cRMPjh8+kD0G0j0mkschkDjLPWFqziobO7Udh6qqqhx22fPRBFaW+TiObKF2XEJO
        wRp5E9ifC/U+bEuCDkR33g/TSVkBrd2oZ/O2Udt1wNyetUVFnPWY5QF4RO6oIbnj4n+keegf4/Ho3CV8uO2NsqM3+J0lXbvx9YWy
        bu7FHVQK8g12tgdrxZjDED/Ael9woXa5COwyGtYQbY0jX5ylqYmo2UxtTUe7EBS4fNC6TJxDsrge9R3vnTr1xd1BG2WHDnftuuXC
        xXziWVyMz+ffx7Kf2RoxEk0QjgsHpSylt5NC3HtyUrCNFTd3hbu4seLt7u3EXJSdiYPlsz/L+NS1s1uX8xmfDcgc5PvaoM9mfebq
        6ub2mfYz78zBA2dP3ZKRvn3brFlb+evntZ8OmOPnr/WBKl3cXF0/037q96rv4Mz+n2o/c3ftTOalFxSkZ2zdBpxOAE4rIb5tRffn
        xM0HL3e4iCsF4Ffh4CKsIDFnSBQuDCGHsAWpPIGzcdZJ8gE8/z0E78CniA8+la3ekg2LkADuuO5w9hY18AvWvAuXgv6Mu4R2ok2D
        VDbplNyvAqJXKpmp+kH8LrYe9TPsPTmxRJudwe+C3YnSesb7Ss7XuCeFs/398p74++V/MjG/vyb50zZW1UumTvPz+WT/6ILwsHW+
        8bOutP5i4bQpAwac3jN6M7+vZ0TPwDdyekzpOXY5t7bI3T14ZIS2pcWcgriIN736pgxeua99e4CGBMZnW722OX5Kfu/u6cMX72gP
        VF+UjeC7yq0l/iAuoZlKLrKqimRVVcmtz549Cw4Ggw3Jb8nOwczsiUZDvT6Ck7jXZJ4wdIIxJjIuBp1inrEndno2fpaykQLahBUp
        KcnJKSnk8aZN5LH4jBWbltyIjIyKioy8sWTpzchp0yKnRt7cO3Tx0PV7394yeO7QYbkjvnz69MvRy2XnUqHpk4JN5GlKSio8Y9mm
        AiyH54TIyMhbixfdjIycPj1y2o0lb9ycFhn5yyIX579t21HasdOC9u0efn7+p3bAuRbX8ANYprYD6irmsrDJomWAecJW1rC0yeMO
        6IK50vXdV01buOnk8cOzZ/stDxi9eviRd8m9na9HT0hczAVnc2VkcLp/QM6snL8IU6Z06rSgXbsDdcPGDx63KqM9YvvLKwRXQQUe
        gu7+OVjSlLKdeBNc6SYt8VCJN0F1EsL0hyfxrgl4l/GR5bhxR/B5kSyLxEZArYzb93QPHwmzzfoX7KcJZprtz/LGz9Gh+3N0bqey
        Md34BdvuiFXuUjpEQE2ocelzVD4/Ozs1LDz+QGlSVKthPXNLFg0Y3W/oFll8U3pMeJ7WSTS55zc20D9hTlZouo3FuNFXz0epyVY+
        AKRQI4vmPWS/GqRQw4XqimW/rgMdVPKz+UFs7LZ5ZjfbyTBawRQ4FJyaGhycmjZ+8KsePXseXZZzqEyWlhY8PiVl/Pj0Rb179sgY
        uvTIoZxlbB+jYV+0pfnOKPVJJrujumq2xyCQ+cVkPl5SjJc83UPzq5HcVu4Q24NBbGLv540abR1gOW6O9+mKO/nj8MRJfeeOGveG
        z+pS8vf+vFVGasf+uHfk0FdUqux27ZYm55FvegHOaG4Fd85kd9A8CHx2d5DqlGs+Ne7EOz7zR/SdMyzltbTk0MhITez0LvGvjF7o
        veqvEUKUbcqEecsc7LPathk/Ykxgsv9A30G2Tlob21djhkfBrK8V7vMTxMwB25vNO0XKN8vjyXKgpxSin1swmzo3ivJMXYU0tdiU
        lv0lZ936MpWrpXO7rqNVwye07LM6Oj6/GwmVK3WjVq/bt49bUb9roE+z5uucHIOCx48PCtJdZPuLAwQfmB9aSPMDPVjajMvC7684
        sfLi91iQ1TyOl3d8fJ0PsrlSduIu3WnmRuFSfoS4pmI7zfwIAtyoyGwO1ls0tnV5VoLuXIh3v9de7Rnm0WmM54CBHj38knpNntK8
        +RKblr16dggbREdrLuj1I9lVaYWn8PKmO6UuWz+5ejv3nO4ir+Riuma66zxS6VcgUeCbYplvaklncuabTL6icDKxVeaNcPi7n376
        Lt3aS3p9QWLS/HnggYS2V06evHT5xMkr2p3L3ygsfCO3kK1gVwijDH7HjrobS+wq3ipwDfEAj1ONDxqeBBWJnEAiT4K9NT/Z8KjX
        o1z9TcUCWZ21G8pCyNodnRfydLHWCvQp74WQVO5vUp7RqDza2F77bHu6e0tS+RJmIZ3ZDCXulzWeS+i+GvVVdhDY4IcnvCMifNVL
        UoIORUW+n1B2bfTk8F5uFgr5h2fPcp9tjVscFt7kLlo/bEWAIpaZVMy0daOrZqDkR+E4nt0E/IEZPMUI/8kMHmmE15nBg4zw+xQO
        GpbwgL+wotGi6dKUxy7G9Rn1suJ2Fx8y2X9wWLi//+RNpI5zIeGD/HZoM3b6D+Tsxe0veYT/5LAh/uHh5Gddaz6oq3a0tnBnxohX
        uz7JYztiHI3LFaNgbLQUcznGTR8bQI+dYLgovHRtpc2fQbq6wnPcrDxyGFcZ94EoHlnN9vo63ppqU0tm0z0v4K0z4+013INpme0t
        Mdm5STLdzmTRGP7ADJ5ihP9kBg8ywu9LcFiF4XKGp5uIn/dk8F1gQh1N4A9EuJ4APIrhF+E/SfVhnciFM/wi/D6Fi/uMsnKWg25N
        R6G0xUbDaDsmLmnzrRoX4nfwBpJEgknUmTNVOJgc+NmwCyerMWy2ccdX4Zuk/Srdd4Z9OElGMjWzF0/JXgijie3LMB56ibzJ3JuE
        PzCDpxjhP5nBI43wOjN4kBF+n8LB07VG/rKtwkfiylZhid0tsbcllm0l3vjMHOJFvF7Fp0n/V3EVrhIC4d07C1cRryx8BldlES9c
        Rf1XvL5cdkvuBGslO+RBM8cdWO6FhRQ0pQNxhgJCCZZMdYLlBIQY7MsCWEgIh3Vqv53TL2PsnjUI7kTn7r4saDzds1l8JWxXfHFQ
        MN16Wnhlyq4EIbz+4OBhdO8mvaxs8DC6mZN+PGB7PLYopLs348aenPxxAvmVbUWNHXsyHLhmexhMev0ki7zPpNEY/sAMnmKE/2QG
        DzLC74twcd+A4fGV8GiZJRl2v5ojB+b/1cZtLzvDttGZs8Sw73WWrCjYvBIs59H1y5dvkFLBXXd+zbJlq1nOTX9TKIHVNFiLnbi3
        z/ziC7I73oYEUvmDrz6/xG/c5zvEZ0/U9erBy0cHvzkk87UBcVOjwvZutFgya/HyY8Ks05fuXrPQRnm+0s11xsrYkiOtWxV1aD99
        in+In/eAnCkLStonpOctebqW2i7L/svjgduhwK0cDZnQFDSzSWiFCdTbCK00gVoboYkNUIXcCP1gArU1gCrShGwYw2q2BhPT3OLX
        PbD2bUiEG0KKZ3ck+IbgXn4Y787dfNQqYMyFpTewRf3B5p8cSTwdG/v5jL2Pxo3+Mv+9f5juV6yseSDuZXDraJIc94qIJFeeRJw8
        7eVV2q171pzXXju2r2EDI4q0kjY3KDezyGy60wDcBIg+E+Uzn8ky+UxOIxh8CMprEp75HHiFGdzaCE8U4Xq6YbVHHg9z7hA9LEVs
        5eh9Vn8V+MA0Bs80heu/BvhUhv99ET8tBfhDgI9g+EV4IoUbMrpgn1Ys2jRZAtJFMV1LsKRuX5YfdZe5u7qrnVydZPyIPuFd9x4t
        XbO6tJ/l6xnkm9t3yC1sf8W2b7cdpMIFt/77NwvwOBdSy6+1sf6y8vjXXx+fexy75ZNr+/XkDPZG+ifYWyY7NDNm6ier0zTRlCMx
        409tazyjsBJtMkpmNuMoWLRabVPQzCahFSZQbyO00gRqbYQmaql91qINsktCGltrNxNX23QngMb23NVf4ad7wr4kSvuV2P7CDSmm
        bUbpdwlbhePm/rOfl+Q/qTydFDC0xSSzmI6huXLqP/lc0rprwpC1JfZTuyX4bfyrnf38fv2wzY/TdgzLm77Gqx+5Xxe10z8vinfR
        HejW5e7p8bMLunb9vnpUas+N4z6aQ7Pn6r77xr877uPXaEa9r3pfEHDG8rJMCqGixLJRE9DMJqEVJlBrIzSRQVkWlNWNEDFEIkPu
        3rBX5mrcovnncveKE7pdTSXvjb1aG3tNjDTu7YAf4ZEg7qfYVZSVTaX7OgCkuy2wnvGH9Yyc6tBO5a5Q4cPrfsk7dCiPLmp++YXi
        uC9c520Vcmk3w4RQb0PoTvc/N4UPHhIWNmRw+NwdWu0Oesoe+oeHATB8sLawkMKgv8Oy9vwYuTfL5IlqV6iYt+ooWoO3WsyI1/s4
        urRw68zN5+KnuA12NXuTRXjb242ekLO2nYvhgeUFvuW3clnGvADfv/40l7VKLFGYlij6P5JKSvlvcbX4xQpWedmpebyIfnTHf7sf
        +5MK9nUAT/BFqQb7Lg8LtIasZhOpwP60RqneFleL3/+6ijWQyQfA5hgc7FS8F35jwqIiCcEmtj/Af8unsBrNDHTITKjBBSY07Zco
        a9yK9Wzav9hKVsPIKDF8QQhr1vP8G4ILa2OIwKm81ftfn/d2yfz5JdyTeW+/PW9+SQkdsfcgorZnXyizUe4q5dToyW+4cIH7a03N
        k/01NYT9ECawPmIrcsPquEdh/dRCWd3jn4HeUFit34eyFjTqRJ0ULInYx5tlDE1WgZzF2T5qdR962bizuHjnruJi2cbQ0JL9ofDb
        XxL6t6+rL3z99YVq6sDRXG4rui/nzXcu52bCT9ZSt4JPWAx1/GGF+hBWqObf8jqovFy88BVShb0c9+TkrCLRsngyjWun+yalvDyL
        6jUe6K2GdrB6setFP5/s592PZtwd7BViPCJm3sUZdyUmJKtd+3btdkZGaqIODHx9qI+f3/C0xYvT+ib2k12d/omlIIwLXJIzdoyt
        7ay2Vi3iS+PtHSgHU6CXn0EqLdlX/pJU1Ews7m52vRxYtl8hV5h37tVXfMXvhqvhFx5Gr2/37tOn98KAAKWbj2/A6pCQ8LDVew8k
        Jx8GsJDS12tKRF8vr74RU7z64ugEe2WzsYGbe7dpEzhu6YLxQV9f+Hj2qxaWwHUySKsGuFaIXNNPfJO5JFK0HI8iatnVXvU/cN9Q
        y5gMdN8DupvD2sLXoE9GeF93VyAaNOkskqtwNJDtzuj2NmGQsgae0ctrxrSp/by8yL2Qnp5FuMOEV3p6Tozo7zUpdPuOSaFe/Xp4
        9pz0Su9evTwnTuzlKXTr7jE2MLS7xwaPaba9+4yKzfT1jR3Tq7etra93cNYQ+GUF+fT/2N/N1bXzEHalcp4I9H4L9DqzCLOXqDwg
        Rm4mTwOddn2M5FF9rAYR9loUMEypGugzfNW+sPDVe8PCZzLJfhIeD/Kf5NW3r5orTbBvphw7tsCzbZtNSxeNC0pLE8WKMxKnisKf
        2revmDPhD8hmNv43BtwreDrZmUR24umymeT0dHIa95+O+7MsC3+BPyCoDR4sl3evrxXU0xGH3fm18hEsAreHim0xHQOwmKZ5IfbB
        uspLGFNaVDyr0rsqY1ZVxhlZjR7w6U7gb8h57EnacUMjSTv8TSTLvHI9ZJe4i4Ze2KfA3EWavTugq+eDFWsk/2RtZ2sHtHA2WFtZ
        WL6nkNRHLNDVf8dvxDe4XpjX/UyW6e7X/yC2w1pFrmEv/0BlpSL3V634r0TsAWMuw+hAEao4QOiFtQvWVhV+vqpQkftd/W4SRuxJ
        HB6O73NufJ/vUCNKvKx5Dqtt7WxtHLgVCyJIfeGe8kJKiB1ni7M4K6LTfU461Cd9hzC3grXLpbMgTeb24oMZKZYrGtGidgCkvIoi
        5VZUFq76vLBq7QJKzDndJWJLjuEt+B7+Kz+lgZYUcfagigR5cIVEpau3nFX5UtzLDBaAtfiKLkqR+1tQpeXsxrhF61hBVBxwZ1Fa
        +Sv9lkriaK7oa21UQG2lYu6vi43Y54pzFm0MZboofAWKC4Au7i3dd7JwwN2C0U1NH0igps5PK0/LKsd25E5cgI/uO8Xsq6u3H4gP
        20y//IfepimWsfwtjJ3W0NDa3c3V3Uvt7N2vNXRjDSN5nW+3uPLUseTpoEGYH5daHteFq3AetJYM093lmuMj04cI+NjwGPwu11x3
        l4zaNJDSQuyBlmWMFhvqGSgp4Chs+Gk+AXG4NfmhLDtNsezRuoLQ+APb868rYhHj4CFQ8ybjnX4UNa28XPfQchOj8zsoEXmzoUMY
        2KcD24Z7C/CRO9iuPCsNWJu/OQzwrb76KE/EV8+ooNyB82L8ODm6qB0UgkLOePXuxycP7ALcjcP8oEHk6VjgrhtX4TJwEy7jWuke
        knExw49hYch0Mlr3kGuF31s7iFIDmpgmcae2oc6FkgO+j3urPC27jPyAW4Okgb2t1/NB0qEFiKu/KLPSd5XVmu9iEWkXS1ZbVVUF
        YJ1WuE/qxPw/VvMq4n30m82yX8kjeK0/DBjGyL5lu8bu0m6pik32UpA1CItRlq7ep3XH5p27zE8I7Tyol49Tp5bOXeZzCSGdBsh8
        XKya9ekhj3vVum2HFs3VXeWxc6xpv82h3zypXwhmdKc+3Hyb9ostaM+fCff1vWWPTKJJ3a7j1Xl79uTJHpFfDx5k3wCin/kQiP8T
        wWfRt4afBR2d7OcIs0o8OogRDsJTcRZej4/hC/gb/CPWcc24AdwEbjF3grvEN+PH8NP43fxN/qGgFDoKfYQRwgLhocxaNlI2R7ZD
        dkT2iZyXt5V3kfvJJ8uT5DnyHfJq+a8KtSJWsVNxSPGF4nuLZhbdLIZYhFvMsMiyyLPYaVFqccLiV0s3ywmWiy0PWV5Q2im9lCOV
        0cp5ylzle8qvmymb+Tab0Sy32YfNbjW3bN6+uW/ziOZZzVc1/6D55y24Fn3gGN1iWYt3Wjy16mrlZ7XZqqRl25YRLee1fLPlZuuW
        1u2sR1onWK+2rrKutWlm42bTx2aiTZLNBptym7M2X9l8Z6uy9bQdYDvSdqLtdNvNthW252xrbW/Z/mirs7O0c7BzsethN91upt0c
        uyV2+XZb7PbanbF3tO9k39Pe136E/QT7Ofbv2Z+2r7b/2v5b+4f2eocpDgkOWocFDnkOGx3ecvibwzGHU47NHVs5qhx7Ovo4BjiO
        d0xyfMfxuOMpx384XnG869TKSeWkdhruNNNpk9Nup4NOlU4XnL5x+qWVdSuPVkNbRbRKbLWmVVGr91v93HpA6/Gt97b+oY28jV0b
        nzYj2kS3SWuT12Zvm7+3Od/mepv7bfRtrdu2b9uj7ci22rYr225pe7jtjbb17VpCiDS2XUS7ZKZ5LrLs1IphkdNbDvwFdbRgir/W
        a2uY4f7bF/WBVpMtLzPL4ETDEM5BXAZDFqJoL74UfSQ/hLbLnFCxogDNkg9Cizg1+ojviA7AWQTGNAjKa6H+du4mioX7JQ5MEOrn
        wHkdzg1wboUzFk6KJx/OfXDmwbkI6tbBuZ3iMJyCP1oLlObIspC1bD46I9uAtPKucLdCZ4QCdEauhncBneGm0lO/QeYP8NkAvwN1
        6uEeiLRCtXiX5QPMHuUIN/VPZJfQQYpT8S0KkGWjQQCrh/tUygulGe6nWP9Ifw/4KhbuoGxoWy7Eo1lwnyXcQ7O488iTPstsUTnn
        gyo4H/0lYZf4rKhC5RQu3GL1y2k9fgy8e6A0XoW8oawUVuaD5HkoFO4D6DPEG+EyJ4y4g1igd0mWTPYgnxIqIzgj4ZxA6wBdU+G8
        aAFxCP8R8HlLlB2VPYVBWQ2clRTGe6FIOKMFhLXQvpTKn+pHoP822AvinY9QFLSvUFSgXOmMBtnnM7k3cQJ/FlQXVA+mJ+hhAJy7
        QBcE7nLQj9Kgh2fOQ7g13OOZLkxOqgvhIuBTgrxA7k2diktwjxf1YHqCDk6B/FfB/Ws4HzL5S3pofDL93kKjqC5MT6oLpmu4U12C
        DOl5H87DcIJsmW2XwnnQcBdcoR09y7Aayu/hUJILcg3FqWgu3P3hjIdzCpzJcE6Gc6Lgg3LpCbpyF20NHTA/uRXPwhrgcsS9BY5/
        n3g3fab/brD+ok5bf1jXvP4zOvYVKQRmJyvy2xdPXrGa3GgeQOgBwoIVXkUjGJlatpnu74p3/iKMf1twHc3kPG8hcJywkK5GEP2S
        Q/wFxw+PRYORcydbuT2xxwWKFHwzCmH9Vb1UgXoS2oJ+YYrZXYC5iM459MsROXod6Z3tnds7d3J2c57lnO3SqZOtXs/+TX6hs51z
        KwZPd84U4frr+vevvXOt9Frxtb3Xpl+bdvXI16ef4abhZ4kyaK8C/dqqF6ODPmPkCG/iM4cs8AjpmTeBCybPMtQKB0nPcmSP46Xn
        Fq6+eK70bIUS3Q6hYSgNpaMs6DUJJQCXmcBFFxSDusK9D6w4eyE1PEVDDWc0FOpkIi2cGSgOaVAK6g7Q0SgV6veEpyEoGQ5nNMGI
        S8ve4uAeB21ehWss1FS+RK/9jL2GQE+vQl8zoE0q1KZ0aKDNP9djADzNgHahaDbUiIG6GoYtjrXQMI6cAUsqXNOhTjTgTYJ6ztA+
        DXrXsLLGeCYyLFqgKA2OmQClvWqhbhrD1Af6ViNvs1aGNiNYnUyz/g0yeFbStIzyFMfkEgfUpaE5UJdK4Y/hjWIaCSVZUCeRtUyC
        snSokQF0UDk6Q8SVwVpQyVOsrzLY8/lo0N1sM909jxslHE3xLspVA0+mUnvWipSox79xKF/KMv/48eD8OzwnQYmSPWUySCyUpDBZ
        zwRYGmjg92ihnAUzfCkMW4OFJjGaEllZnMRXAuslVdJ6d0nvorbE3kQby2A21p3Rlca0n8rap0ujQOwhDbBmSjaWJFmBhuEQJa2U
        cGYyKhrbUwyrR+1QxG7AQGuLtIu2HMfGlGh7nUyspBPTHG0by+5aRlcMtNFI/CnZKIgBC01hWDJZiUE+8fCULI2kLkYaG3qgPoDS
        nwn2K1o/7bFBJhSSzkZNLPQQw1obqIllHGQyW4uG0kxWKvahfEEP3aXRHAOUzWZYRJnMYTaQCLVns3bJbAQnNeLIwEOGmVWK1M5m
        Muxuoh36nML0KepaaeJBtNC6+3P46G7k05N5EGeGWRwPIu4kSarm2n8x1wbJidSmGy06k9HVYHUNHM1h8kh5qR4MoyEeeMhg1qpl
        bRp6jGVX2kd3dqeSmAE1Yhg+sY5Bf9SOkyXPZtBQDOs7llGcJFHqy0ZniESdBjCmMc/QoANTX9QggWc9QSrUz5RGg9asrmGspDfp
        A0zbOTOeNYxyJfPN5rYmSkOcSzQv0CfFLPqLDGZBaZKEX1bbtE4WozeeeQGKu6eZpF7UlsokS5pbxN6pzOMZjbGSJSUzO80wQkRK
        qUxjTXRuanWGGVTDZsQk5jOS2ZvSyFEso5TqK9VEGglm86rYk8GHapj1iLZr6KOxfLS/y5OBSqXEQYOFaZiOXp4C834ay6Mp2rpL
        +k5m7ZKe482VRu1kMD+rYX6lAa8BojVapGG8NJ494iQ/F8e4MPQ0h3EVy9p3amI+7GTku3ELJZQZZttOJlYmjpnARvNLNBvvaSa0
        zpbGgcFOXoXSpCYkFodeY3JOlUZyOhzi7KVhHjXO2MJU7yLNBoiyyZGSyDy8M7trJRrjmCU9z04Mvq4p3x3LZoJUpndTeTUlVaWJ
        5Ex1+K+OVS3zmoa5umG0GUaShs1rhtgjQ2phjjGdWfRMuCZIGhPnQ2pVSqNX/TM91fO5ipbGSKY0H8YbJTUKDWf9jEdB8Eb7GQ9v
        ISgM4sgJrGw0wJwhjpsAJaHwFgDQAKaXIayElndiozEMninG8WgSwyXimABXinsyQChuZ/ZO38ZC/SDARdsOR+Gsj+GAbSJQNh6e
        Ke5xAA2E+3CpHm0xDCCT4J0+j2RRqNhfELQKYWOHtqO0iJSGALyhV3OqRrMeDZSNg7cJgH+UVDoEcI9m+Cj93Vl8RJ+DJDpFyU1g
        2KmMKGaKcxhQFMjeKHQS3IOh3kQmzyGMZ5HaIMbDCCgXeRnOKBA1IVI0DO7B0DetMRLoCmFSoD2FSDW7Mz1SfgJYe9rrWFZLpGy8
        pOUJbBVgwNJTkqVIB5V/qLHniYz/QDicGf8hAAlhuhkC+A14DbYzkmGgdCuZNCYx/oYwOYxnPQxl9agUqTwDjRY3wUQrw5i8qN66
        s7XlEMbJSKN2GnNiwGaqnaasQ2nsYSTjbziTVCCrPRHkOBzqjzZCRHsczXgdJslaxCnavWgTgSbSHcZ4pJp9BXodLtnUECY7cy6o
        nsIY/Q1ciBoYIl2HmcisQftBknYN9ISwnkOakEoYG4vDWa0hTNcTjWNkBBu/4yTKJxktrMEHTJLsc7yRMnP5GsaRod7L+A4Rl6Fv
        cw0GMHsKlCicaJSGWEP5Aryi7xoO81oMW+dkGv22+cxtGjU2RKOmcWd3E19rGgmIXngkq5vSqF4DVFwtiXNWw1rHNHZraoVtWB13
        N4t6G6IP0XeLayLTqDeWxediDKg1RiVpLA5MM0Ymc1hpnMlqRcydpJmt82jPGjb3dzf2ZZiL0kyinFhGdbLUm7YJaT5/hlI+szJM
        Z/O92Msc9pwpRSaUv9lSXQqf22g1nNFoNdWgA+cmdWDgpanIwVT+GUzf6dJaKolJmMaTPSW8GcZ1WYNMqATiWVlKI603WB/F5vtM
        ViGTRcQNlMcyWSsZrgTWp5L5K0OO67+fdfqj86H/S/kgpVk+yPk/lg9SNpkPcv4P54OUL5UPMo/kY0xo0j6zzni5DGpTGRblfy2v
        5PxMXkn5//NKJnklpdl4+L8vr6Q0m2H/e3kl5f9oXknZZF7J+T+cV1K+IF/wn8krKf/pvJLzn5JXUj4nr/S82ff52SVxfS5GEv9r
        2SVlo+yS838xu6R8gXSdTST4v51lUjIbc/4fyDIp/4ezTMpGWSbn/0qWSfm7WSbn/1iWSflPZJmc/7Qsk5LJIBSwjmHUitIeAuX/
        udyRskmd/7dyR8pnckfO/7XckfK5uSPn/2DuSPlP5I6c/2u5I4Nnff6M8mzGR/kvZHyc/6SMj/Lfyvg4/0EZH6VJxudFeYc/IkOT
        +Qz+wSaZBiXrh771ZCuWTODIF9aAnkxOM1jb2VCmZRxnMLuIl/I5cQCndpQJtalcZsLpyWiLZVFTTxa/pgPMPBoTvwKEn/5L+i8m
        m/zRvynB6fXSl4LNjVD6fhLOD9E5uH6GvmLl9KScDERcwIjAEGSVrMlMRa3Er9rZN4SGJ1Z7ZlxGqvi35NgpsC8TMe3RZjCtaXPa
        TgnS7GMgRl+tPyI9jgXOfeCK9AFwLtfv1xfoWzTJgZux9Rl2vfzc8mr9ZSj1MdShVwZBeg2c8/WrxCcRCscRY8uG+kAJXGeLZSIG
        8SSP9Lxpt6Z9GN8qaDvaz8v8oPZlc370q1667eWXrddETbffwyJxs+pf7QM0wXRFjug1VL8vri/WEHvTz2TXI9J9lWkN8Ylp8QhI
        qvp3qGrQbsG/wUf1PyPtf+UHvFQYqP1j+mmCD7GPrkaLXdVgceyqofpitnvEqH0TqRmejfeZ+vmSvV6mMBi7BWDNFUYOPJ/VBLkN
        dTpSTZK6puzP8Gy8B5iXUa6IRncbXn3AW1x+ke2KY/1fG0fUi9Ar/SfKIpfPbQu2oS9q4JC9g1eRfM7lZzgrEiUM7+zv5VBP9Sfa
        lcjHfqp75tMajQI6wkB/+0UuJTsvMikvanRfRbXNdF1NYcBNkcEOzL3Kn8JNgL4FWA/148tfpEGynwBtRNRKBYMUkWoCXJIztBTO
        CsmHLNfbkGvw/pDcMfD/R3re57ReDvPIZHO7agqjNE9pDHZleKZzk2E21AcZR6+GXQ0l+/UOwN3vjgBpDC836WO5qT0za14leYP5
        tB6UH2nsHURPbYKvKW6KXkiH0fMbbU3D7LIF0ZA6xlsjf2X+I7fZtc7E10geRu9gbNdRtHdym5YBVgfJmi//qVZ7+Y/E/yJcwM3M
        hhnvX8Ut+dkjz/Q05F/AdeTZuVgckWZz82XJJ1ag/8APZETtx+0PmmcrntPHETZeAl6uFxa1VjdoQPTbpjGvibSqjZ4qlHkAzcvO
        c/+KpUoUBfyZffzzVmoq9RdZDYtGKhpakssNnurP5UNcXZjWY/ON6G9mvgxuqd3G58Y4RwxRRkMvbB0VxGbpjv9EH8+JgP7sddT/
        K338yf5q/4tnzj9yPfjvzR8vRd2fGyGu+qP81Av6KGroA/RfwWJr8XrEbL5bbhb/HzGZo1c1jGBjtDJfsq4jRu/AIUdkBQdCnZAr
        wsgddUUy5IF6IAvUCw1AzdAINBI5sZx4a5aRb8Py/+1QGIpA7dFMOFxQNqL/p5GFaClSoWUoB3VBq+DohtagDYBrM9oBuPaht5E3
        OoAOA9b34BiKTsIxDJ2FIwDo8AIMnYACFRwc6gwHDxS5IgFocgeausAhB+q6IgXg9AD6usNhKX05RL8MaoZ6w9Ec9YGjBVLDYYX6
        wtEScHsha9QPDhugwRvZov5w2MGI9UH2yBcOB6BqAMhiBBxOwPFI1MrI83jgORiOtkbOw4DzcDg6oMlwdARJRCDnRrJYCHwsQouB
        jyVwuIJslsLzMjjcQEI5wBOVkcBk1AxktBVo2waHA9oORxeQ2Q7glUrNCaR2AKT5Dhxt0EGQYFsmQWcmQWcmQQ+QnBU6AVfuOSZl
        7kMEkKic/tUMkKMly6wp4Sr+YYFmcG8OZwvA2BLkZgPyYv8/DpOfA/tXwE4gpdZAUxv6N8rg1w6e2oNUEJR0BMpcQBIq4Nr1JUak
        +++UdzGh3XAgkFC3Jms3Mx6I/Z/RxcOO8egB1HtIB+WiO3BBbcnw6wE89AQuerJDzDJ0YhlWt+f6ll6ot5TTXIPWIXuW05yrydBE
        o6WajJRUtDQ6Q5OElsZoUrVwTYzLgGtWRjJamhCXBs8JGXEz0dJETSrUSYyLBshMTaoGLU3WpDnTayZgSNFkJqKlqTMpJC1Bk4KW
        ZsxOhZqZ8akJcE2k+E3ypw0/ka5r6C7Y8MDmSHGFDfzFiP7fLOj/NV0UapQ5Q4Z3nCg9T/p9r4XBj3CvvoR7ixDrslyy4dkEhxk8
        wuQ9o+GZ64/Q03x4HmhiIR1ADwqwdF8Ujf4CI+Ur7Ij74nS8EpeAFBRg6Uqo74emomkoEiD0L/8PRmnGv6XCIyqbLvTPCqHL1OOw
        v3l0idqe5QZDTprVu2asd9VY7+sm6t001rthrHed1ZtlVu82qxcP11us3utQ75tn6snQt6welcN3rB79Oz532dNfzGB3WNslJm05
        4BnasiE+jZZaiJl0A+YfmsB8rwnM3zeBmY74LjLqeTrQUnjCJqWDaalAx+9gWgpPpqVptJSDVQY8QSk8gb3+H5BdrDvQgAAA
        """;

    /// <summary>DejaVu Sans Bold, subset (29656 bytes of TrueType).</summary>
    public const string BoldGzipBase64 = """
        H4sIAAAAAAACA+19C1yUVfrwOe9lwFHBYbiIiMzIZURFLiMgKiqIgApoinhD4zrcL3LRCBFvZWZoZZmamREpmZmRqWtqXjI1c93W
        JdfwkvF3rSRr/VpTZM58zznvO8OA0Nb+222/3++b1/O+5z3X536e85xXRRghZIeWIh6lxERNiMa7uVSEDLFQOjBm6pTpQZsjnoT3
        fIR6/Tlm+oxIXd3YEwiVjoP6DVOm+wcVFJauQCj8WXhPSi9ILX5q5xNO8P41vC/OSi0tRjZwIcNoeO+VlV9hSHz9zF8g34JQSEt2
        ZmqGT+NXjyEUdgjKQrKhwO4d23joD/Mhr+yCssfyw1JKoP5HhPjH8ovSU59f/IQ9QqH3EMLHC1IfK8Ya/iy8/xXaawpTCzIXHHjG
        H6ExGQjpDhQXlZaZmtAcmL8/rUcc9kCIWyU2IhH1gBG0Kl7Lq7QqLfbA2XpC9DibbBQbjSfIfFxr/JRsQRw6we/ks6EHT/HAKk92
        8dnfnf0OGjZyQ2iCQdEahBS+4hHkhmAOzGvVel7rpGXJU81SsJYlDIX8uhRsm3olFTuRfRNwf7In5UoKuZdyLYV8g2OjyQ08LQVP
        Jfeisa14hFTjZaS6kdy+SJbhapouYodGvMy4k9wGqLaRC6JC4Yg80WAUCDN78sOwTjUAu6h0w3Dw8JCxWO8Eb0601GUAdnJU2PAq
        O3g6q1VjoIEP71aLq74tKr1Vof3+zD+acW3G6Uz4oyHnfvypNmZGwg8zZ04lF7CfOMwXK0aNFXCoYvDeN9870+Nms+1ANzLYXyTX
        FYM+2H/gpB0fiUVhQvCo8eRd8i2OjIwaj4DSkaZmmxPiD6gncgHq6JAeoByoAAD0QSEwvy7IGYDyHOgDwGJPrNdavbtYtVPoYxLi
        Y2Pj4mMOfv75wYMXLxq9r/BvXH1Qc7Cx8SBNsQkJsbHxCVx2ZUlpZWVpSWX9Xw8fbmo6fOhS2wVF70uHD3/xxeHDl+oXl5RWVZWW
        LAaeVZqaFXUAmQ8KQKgHHoNDtQrOBmt1dthTg2D+UEZCfZCzi2oY9mTA8Ix2AFIo74E3BYeKONS+KB17k1lpOV8vJ/fJB+tqBw8i
        F+aezJtfPzV+RuBLEZE7F40vC+KvkTHRuwv3kf/JI0cKoqOwU9Pz13ODc0e+/pG7O/k2YNiokIEzyQX/RTGltb6+CFPJw3uY5DG5
        w3tkiYNXtIfc4QWFA+pNpdiHCx7uQEF3cnTgBXJx0/PrN2LfpUuryZ2fMFAAH/vHd2TUlStkJPSsI3e4e1JPdYhD8HBOp3V2cHLk
        bOqWwg/7blz//CZy5zb++MoVfPK7f5CxTU1k/E90Tl8uTFAAtVTw0hvbeANMos4Ph4oqvcpbUJB9eFIceW8naYjDCey2E8cLx97e
        XXOA1ONZB2p2v12zD88i9ftgrEsgGE2iADIBuIGOwFigGyr+M05pvHvbeJdTioLxxxbjj1yvFq4Xnb2AXOHC8AqQJ6SGhp7qz3D2
        T40ZeAU5T9bgcmhRhA9xzdw1Si9ooS3iyozPcNfIFdr7M1BR2luu+4wqOnStonXIFMm1yHTWY0/O7qrx71fExvsFICFppmbRX5Zd
        hPv4gAyo+lDu4z5Iq0Eqdud35yxenJu7uDIXNPUo+YJcIkfxOKzDPngc14L73rhBviY3vv4a9yU1pACvx6W4DK8nBTD3TaCDAHMr
        GVyiyltLzdEPOJG8jufiQpz4oAUr+ZOxWBH7IJjchR61CAnXAKK+zH5pVZgpMcBlA+qs1whUwbkE7rkHJzjtxOia8jmfP76cPI57
        Yd8ln2A3MC1u+HrkkqicpfFxOHaIX8uFxy+8S6mw2tQs3IZxB8ELNROCdqAPtSOS8g3BwVKmw0T8wZdeIbvIwdKbC/Ibsza9vuP1
        zbXPrX16ybwj80u+zAdl1j7Ne+uOvXj1prc39g0JzU035NybOy9p/mBf3E+j+fDoih1A42SggR5owFGZ7EHNIwiUJ6WDirtD5uDt
        4/CuxkbygjFX2Ghcx+9um0a+IT/gPngShXsrcIiD3u4SZ50obMjJEXUAn0J9iT9sXDh0dgBW4QDyPvmi+n7l402pz7z22jPTD+WL
        jeTGzV69yfc/3iG3A4Owf3T06vKFTw3xA6iqYQZP8TbIgFdHy4Ulo2ADUwaxKSWBCHLmbmTCz5CZiRc+Wj9119E+kZvn3sCu5GNy
        j1whx3A5npB1nLu+Qv5x50iL35APDwUGkh8v/UCu4dU4B5fgHRrGF+D3bcBPQfFzwlqsXS1kGg+S1ZzOGCg2XnogCAdhcURVAKUD
        k1RP5N8RTm9qxby0kmxIvNV4gV1TmxsAEtyZ/LKy/LySErL4qadxPyCSPe635qmNL4MwXwWgL758Jz15TlranOR0bsvCwsLy8sKi
        8mrfndWHPz55pHqn7+DDz15tbr767GE8Y3ZKyuzZj6YA5XIBJjugXF9KuVCJG6FgWweCbTVTa6APNsMAAJ9Lrp+266gqavOcG+Qm
        DsM22AuPI0+TgzlHcXWmAUhqMGix4xCgVlAQ7vnF3/FAspBsJGvJbA/u9ooVy1euXL5iBV2Pb8AtQUiR1m01UyuV9gbOIS/RJKSQ
        KrKd6j+HloFloS2ZTyDZFrntPbAvtINsYwQ76EBtV7jYJJyiHOnBOeFgLDa1jeY/aiUix58je8m+Vny+BZ+HkS9hndjEN5lhcGLX
        JZGjTVsJ33Tr8ncdx1MHYzoga8Kf5M+1ksAWEthKJZ1DNSAJHsBhd6Slus/W9g7KH0QZbI9hgRIBfu4keSkyd1xYcErSI4cMFafn
        /YhRwvxxUYMlCuB7gdOq00YOTx4WPWV8JB45eNCpD9Nenh02ZrLfMXB8YL5VZItNkbgNJAo8MmwlK5iy0EdeGIP1khuh8/GicLBF
        yMVZoJx2UQieA7100vIU4gXwUQcEeO7Jj82ZMzs3b86sHLx5wBOzd13861uznxjw2eK1I0c9Spq3l/1lzgtv5GVmYH79krbZeVXk
        0sY/kANLlz751JIleMreL3Fh5eR4cpBc1HFulWvXPV5RU0PmxEy5f/p069SYFcbJ6jOvZLwz8fGV4aPSyJn3XyQPMtKy5k+tTc1a
        UVWFJx6Ghapq8VNvvZZ2Ywn5O/kLxRXsr0IHWmZDc9QEYXbxQrRx+6OkivPFZzlfUmWsx5s+xX3ID2Jj6xDOm5tGNQ98V3E19LWF
        lZGqrGwwVWpzRrKnvrDQSVbTYe78+XMbvyorLyv/iotd/BS5TD43LuMicSh2MfDrpybEP0I+MpampaemkgrO1et4zV//IjYeOl+w
        CaTFADqVDFLgipA3c1MkkyM5KJT4lPJicu7fqsgaEof34vKqv+Xm/an0jy0tfyz9U9600BH4NZyJDfi1EaHk7MQocu/rm+Re1ERK
        BcBEEcYwoaudSmY4BrBdJB9BAVhw4U+33L/3nfEfeANOxPGLcgyGnMfIHrhyhYa2Bd9eu/o19kwtyyT3drxJfsosS6VWDEYWrsPI
        Pdt1kV6HBHtjCZdl3MTVPWgCG3yFfAtpp7Rm0z5noU8P6z6WHqTa3N64Csl0aWXagbxB7mS6CB3pQpcVsfVZ8skbjDiH8PIXsaqi
        6qfFf7v/w5XRWb63uFlF0dGMQDl4KyVQTDQxff8dIfZ98EDMSVCJd7vABC/jRlBH3XiaQmY8xYWBhFRIsEEfLlzyMNRSW9qmlXpy
        phpiYHXSeFQ5GN1pm8/IuYTRj1VCy0Ow4rVgzyeXy6MpFlh8BqyFJRNLAAzBHxoDeVcywLibAXGN0xrD225zcca9VjwQzZDTLozu
        DxIsFLeh/O9FW/SQ3AtPNva3wOok/A15gdT/SOrJerGx7Trv0TpEiGpr4r0fHEJWlGH8wmxbRbvu5jxwAZlmvM56IQFBL9SGqLwB
        zxQGi3clc4n6pLzZtYI7b9hz/Pied48ffxdn440EHDeyiWThTcIl0tZyi7Rh4VYLFrALySAvkg0kA2/BuTgPb5HkmWmmEqkpTFT7
        BKCv1iLah7hq7I4Dwbw3E7rPaix+/PFiINy3t4zGVuEIebQgIyOfQUoaGaT2sINBoqcFPEe6XWCQO8uQrxtA1hED3oSzAIgXL36C
        /chzpHnP8SN7AQU3vBHnU+AAjefayAvJZI9CADR+MElYyDqImA72b7clrpxWZVm/XWA7CULNXavIyamoJdVcHLia6nXPTqka9xkx
        7AtdMJ8fOyfLMIssI3eNoEAff/7CET+H6mVkFi4tnkY5tR50xQ+w0VEtN29sPMxun5dOxew3zOyPJdchSBDOVn6b/fTK2eV19/9M
        msiFteSrdetwz8VLnpz71ItfnscabFeJBXE7+Sh0RNzU0eP7aoM+PfTT30OC8YS4+MSE6LgB2oA/N1z7wZvOD5Ir5jJra9EhpZhC
        VKSa9KFa/SBBaGASBXCegHYq1k5agVRamfQgvRWrn64APTkOS8EH5DhI17I/vPrqH/jqtmXkBPkEh+BweTZm2xWyVGOtEq/Az+A1
        eIXxIgkG8W8QEkAZMYLmtuut5J81hls4XoA5jMBvR/AsJNtIFCwcP5Io6HtCCKcJhLrowXMwBtBUwUn6LI0g/eHbOAUpIq+D01EA
        OTv8PI7B0fgFrtWowIRwXCvXRDzwdbAILUCda0wCEC8rt8oRvwEamIi3G08xzW7hHNu2GddwdN9D/ecFZr1zolobjLWlws22a/yI
        1lu8tg2U8pu2UHLlG/6Mee/ornA0+yR0+7WHKwB3y9W4XuF4vXXb9U67IhG2RZyd8c4Vzv6IYv19um9Zw3aRbAxMN26QuHvG9eDj
        3oSh7lwXUwATdJ6vF29IlO+BPeEP5hu5Pn8nBpJ1hwNOGy+Adlzg/Nh8xF1ApIntwpy0wdREkKYjR6BmvnCbW68w0Bo6BK7A/T4i
        6xQG8hR+jOrmLNi5nBQqgc/eVn5vOPYGqGRPxUur77B34WqLF8x9JPNp6gjF7l22+xJ4uwMvPLm29OMZpV+XYX/Y396LmxQV/1yB
        7yrjsu2GeWdrTx7oP2PKsGFY1d/9ezrrLpDN+UCBnlRPva1cWJ5tB0BIYWYdJS+PSisqSksrKysn7S0/j5Xk7vnyvZPIZmy4Wb9t
        W/2br776JteYNo/sJ0a49s9Lq4VhAW+KVzDg5WqtpWwVs1r3heCJ66ds2LFjQ+JL4xLfnglrxk4w1P6z3hLCyeWggHdeeeWdoEDS
        5OEBzoUTXKEedMdF/XKYpA+zMVT9GKHokODS8dbIbKc75UkN5efJXaw8X/ZeLcWlpKKCP8TNut9Sm56MJ2Ieronz2s5QbGiSeCIq
        AXZHai+Bn5Lr3w64BokSP0Rl2we9tzyz4LuqatD+P5F38GRYaG1xOHl2UUr28j6c3rBkyfgo0hIQCI6xC3bAI8nx9Yaq8kJJ1/ga
        wENN54DR3LFkTWAJpd4pX/Nx3GgcRP5INjc0fPq5wvFWaFSCCbVt41PAFd7/DqUEiRbthAqgwyDJn2JbE+bXaqXdiXkTyVttqPjt
        QJFz5Efc61x5wySg0FvkUM5H6fP3zt1T11K0+LHS4sWLj6Ql4/GtD3BEcvr2NhW5Q5o1WuwSEry5jlfUbdj8at2LG+ool3eBfjkA
        Dszj0garwJOWeM0wobLkLDqQjb37OMUOK15KpeaRfYXHz3A7jUlFeNP6wn6eurc3GS8pHI31afNuM8mEGx2xw85nFzbQvmSzkPJg
        m8KRXIZGpkMkmrXsCesas7AKeZ8v9/jruXfHGOLkXnuvf3creZUCQVcJ6gro2dEHgS6w+m4zwn6KJJDJZLPCse1d/DKIdS2+QPyk
        fjJsDDIGlcLxfgulxE7wPvaCzFAtZng7MQKYFVerkoRSJe/yQfYPRn1QfOwTshHj6ARDEUc2jpuWVQyv2ZFvZZU18NuzC243G5O4
        2N79+y3Kq3/V+AUXezDvzVeMl4SUukdTis3Uhzm7pL7TP6H+y8+ZqQ/jUeJLcq+D8WSPxkpkrDwa7tiiqqpF5YsXlwPVJsDSdQ22
        2H/AMXzlW6+99hZNGJHTpAWu03gEdoRrBOUrSRLnw9hMa70tAMqmRm01GedAIbWyNnU0IAqaW2vcq1DWWdkaPpSaH6a0TBuSmDYw
        m2YNvdrKPFDN0HIHwQaUwIgVFtsgacJGfpHZDBiHWKxDDCjB/bsSvfkWwIHGEDsT2oVv8Z/n//SLFPYJ71U5DB7E+zs7vfuGsU1I
        OVCYyYvQPxdsYhr07+S5CM6dA1aS50J3qIJL6eePGtInp47F6iPkHmkt+q4q73pZTu7EgrHfH/2xLf0LMJU/BATog4cM69nDc9tb
        7+319MR9hg8fGRbg39t2QO0bDbsGUPkES8bXiVuZtWFK5eg8CjKwvlCDo+L0eAFZNyb5ADn3l3cbGsSt5LgJEe+EUBN69y+4CVyH
        MXSUbSAhCiGFWnU1YO5IXUcXCWqLIfbZhrM5O5VzDMgc1ZBH3i84fhbv5XYVzyXfDVu1yM3TZ9cmzvfBtloqdZieOIiuMGa7h+MB
        muiCnXEWiSGLhJS2Vl7xYBu0jAUdc4eWzMNxw/QP1vbE2licfOgwHgIpmVwiFYcPkQro1cYLRoFre7CN59qIPI8Seku+jRtTe+iM
        T5F8XHnja1wJz3ryRNt98gQXznmSvTjOeM14DKeRrdDbFWytA/S2N0NphyVzMxa7Arh+QCED8Y05/PL54rnTXWAeoy1370HIBy/e
        GjnZQ/JzhGjo38HPKec/MzZwCW3OXILxrJDSatxsQq2cASgNOtQgNICt8QKoYXXwCcfmOCbkQkbJKwZzqd1peENouPTF6fy14eFr
        809/cWlCzYw5hUWzZ9QUXN9z7OiG8mtlG84de+f6zLXbX1nr6rZ2y/Z1M2EOgbjjmwp3S4z+ZrPC/R713DrNL08aOgxboHCmk7ZD
        MQQ6RD8zY05R0ZwZz0RbQ1Iwc932LWvdXNe+sn3tzOvvHDu3oexa+Yajx/bQ2BFuEJv4aXTXi52o6Oh86EUNZjBVKhdnesHsYlPu
        eyl56+xsbexfnj9rV1peA7zZ29C3pDf5aT9OnTBSwfOK8Pjpluxkel5G1nCrzLExrFJr1Soq+9gDPEI9tbRQH45ryXzjCWEBzmAn
        ZrvJKWG1uBGk0RP6sOMSF6qsQzBYc+oDDKGk8kKq4WDF9OoBmDuSEB+fgM9OWhdhP/ulsOnPj1TWklYwKnaYq8Ux6/k5Q9fnF7ww
        mA8jlwOCjDk4yJ80DdCQ/8GaQaDm3I8YFNaDXOfdgSJVICU3YW/jZrEQ4BU4SaugXuUZrA/uE0L9pqboF+IXLsDlgEC/Bxuajx8n
        WJ38vniQfKXzqVqx83vYU4BVw9Hf78T299yodZyEwoXzwkk5vmqjkw6HQnWhLpL5CnWxkc7XXGx0TItDrRwp3HB+0/n+/QcM+GzT
        +YD88JD8sPMbz7v3dx9wfvP5YbljR+Zvn7u0Onnu0iW4F5QE5o0dmz/s3ObzA9zd+sN7aGHI2Bz/85v+CO/7qpOTq6uT5y2h1sSV
        rsPgYZtPA8APD9bBTd67OGltnLRiAgkjK8hI/HEgycNe5F28Duo0+FmyB3uT3EB8Cm8jKXjb8ciko5wb0eNzxhtHkyKB+wKpxTeB
        k5azT7Uk483N4kajkrvbhuid0sbOFM7fA6rr0VgqibJldnGWTxzZnfrDwbJ91vlIp5OWAzZZTqQTyfL0rWGT4w716/3nVxeUx0++
        0zjjfUPpvrCIhL1e6rPbihZMjrhxJnEv2Rw1vnJfRPTT4r5mnS7Qf/yUnuLst6vKXw3wXTDxuR3u7t/5DgkaFD3Jznbme8uzN+v1
        RZOfrXU3PtE/Lmh8WqTLlOHjcwHyk+IofpQiUPaW9E6e3pBO3rqF19y6pQi8e/cu4jGwX3FDPAfUDkQTrfBj3riTVTRUB3onISI5
        vFJkdBjWBbVH0KxDouKQsKKwBdVLSsaVDotYMeYCIRcmLL1d8aeZ9Jf0WUXlH1lu1vmKjdimoCA/v6CA3N+4kdyX8thGMFz09lxa
        UrrEy7PR2eXb4ye+cdoPHc4/XnF+ZlLSDMhVPH5+5qykzYXQs3XzRvKgoKAQ8ljcuBkrIA94b8Xl/DfAOx7ZIV9pT9hhF+Vp3kWB
        zZSdMWZbnPfwfm0X8IUnsiNHzi7Bvf4R+sz85+r+/NXq2TNmbp+S/ObkL//KhZ/mPho+Rj+yZKZzIhlXHRf7ZFnNSscRozw99/bv
        /w6VnK1otZAr6MBa0LNMp94sAC49uDWkCSRUzX9KLoPcqgXdnStX7uAFB3GpnGEW0AMsYI0c1fJU0fj6rQff8DXG5/Gynz0VFCx8
        dUEaNBzFMZ+nS/7xnk7Wh9Ugzx7YUzdMsmS4G+YKqAtGNnh6JkyJH7Jnd06Kb4x70Y08n5HuvRpxYDf8FfVdcZNcOh88fHjQ04sq
        kopVzlNHXmlMiCBb+Cgc2i2bgRInxVkg6bLv7aQ9yS00Pq1wPAQ8aOAz+DiRwLru/tDZvKzBZhHgUGxG+sTYjMyYyMcD/AMD/QIW
        R9V8eExMzoiNTUuPic2o1fsHPBY1vsIvQP9hTc0xegpiOeu173jaS+2T1Ymv8S47GRHI1hayFae14LQH31LvpoDbwtuZTzydYNEf
        01EMKXiw7SgxPorDwodPHDVmbeLM1ydv3RuTyUfVb8LK4KmDgsb4+R90c1tWFFuRBCPO4Wp4B6uzzg6mqeNZp2UKbmqy4eMzj7wQ
        Fbl09KPZeSWTEtPmJEwdXhkd8dLMHe/OEVIcCh9ZtszFebeX97hR48JX++v9/Pq5bVc5FOdMSAFvoEC4zddKUQywvp7cKuxG1n1E
        oxiUN7tJolgL66yGeYXtoS5rEyMtKjrVbpyTYcjKwNlanYNWHTzPb/YCT/9VsydlDyCJil7G8rIFC8q4NUZ1zAhlr1YX58nTp0zx
        DyAOMMsy0yghA1YL9tWA/CkLC/BxyZztkcNHPr2KBbHxvkFhc/8+n+Da1HDka3p2zim4MH51h7NzfjU7O8cKUsSdBW8HfGKtmZL+
        2ExJHTdnZGhldYBhOA6arh0ZMcRvTK7/o3N7997Yx37YoH7TRsPolYy719hOUq+yCQ7Vq/RO2prz12989amxmg/jegzfFmic8wo9
        aSmnZ3AsXszisNjqSxHe2mrRLVBk4093P//8p58+5kPbzuAtiXPnJk6fO1f84eqRI5cvHzlytS3+NP/ZkrKyxYvLypaAlB4DO1Rj
        tkM9qPnx49gdc9vwd0QNhqiJaPEt4gSm6LKgIzUHyTpqhswZkwllmJpt6sUf+ujQZ8Ljxgx4/pHfgFAfBar4Bsn1N1i9VK5DJcJF
        aGeuz+62f6kdOwEkhYIHSIl8Amg+7WuPCg30Mp8K0g8J8E2cE1EwbsTwlKRHDmcuOpv8o0k6AZROQTlD4CNLMkbqk/2jp0ZFko8H
        Dzp1JP3lWSPD4/xO4AwKD4uc2uQ5+KCBAIUNugpbsPIuyi93U35N7GtVXmopvwLllV20bxIdcDnwWSovQA5oAMWUfRPAay07OsDb
        2+o4EuoEW86DVM2Xzuo8XJx3LCyrdyaL4kNC4hOCQ+In4U2figdaY9nJ3YGBk4eU19eX+8dVhsTTFvEPXuWmAXXhZ+vKIp5qNqcK
        W53vqCgIlSaEK0iV+JyxlDMYN9PDE+KwntQIjcatXBo4/JbzKzyf1FIKGkgRPa0DDL0Yho/hUkTL2VkMw9xHoqywl1Gqc/nlbsqv
        dVPeJJc70xMnVj5YGp/PMLfnGqzKL8vloNvcP6zKr/GLWXkElO+3Km+i5UAr4IoijkXKPdhJocqzm9NCWsFNvXVrNTszvItfxDNw
        3GPZWVnZFezMMG/3bqGBfEjayL6HTw65AizI1BLv2hQAFP6y/AQz6Nj5EYMuQJbPhC7LL3dTfq1DeYGl/IqY1WX7JtFAvzTCCPmK
        e4Umtg/mbHpgXQ8c2gOLe0kCbqgnCSShHjewG24Q9PA+tR7vYTdWjRuoLfMz7VNsUHjAvkqNhrB1iB0gscAFO7CETRMIvHS4K20t
        pHikjY5LHr5i+rvH7fvE65dP23Pczo58O2kSPXHafM9wasGZ+Dh6SLbJZPhkAS4dMwoLt6LKA9ePDCNtLeMWDCPfZrS+RI+gJsef
        Kj2VbtpMz8ymTDm7gNKZnrcwfENkeuokqelUfrmb8mviuC7Lm6Ry6WSDlY+UpfsckybzOV0v5GSOreilwzreLFZcOPsO0nJax07q
        MEeI2EjajLe+NXIHybyC9Ezm6dDYfDZ4OsA1NfvwxV0ykx5drPZyoCjUHI3aBU1VWIF7vfRs4LwJZXk3bkY8PWlEaUjsrNC06FmJ
        a57DKXMzaUR0ztXLX34Ro0yY5B023Hvcm+WHD7n2/dGtf2yYf1SoLnDVnLKtQTNmFxY82EslmJ1RKAyAeSTDPAIdRF2Vl3VTfqxD
        eZil/ESH8kBLebZ1uY2bpfw4LQfpg3JbJFTCaqdCNCwlB+Pb3X4pAuvCvqZSWcfvwcF96FBFsW5RStbSPsbr0qmKcf6ia6kbLsXE
        f/o47oHD2w7avVxDA/ymJe+Rn2Izr605/lX7eQu3kwbzG+TTFm5Sf/f4KfFTyHFy1xL4z8vIyzhZLx/AMKxIET0ZAayiJKuKDpix
        FZWMatEylS91WV7WTfmxDuWBlvJsqdzUyKLXtP1RaXzTItaeRjVdrcrLpHIT/QbpolX5MdN81t4Tyjex8aXybFpujh6D3Noxz9Rq
        k0lDsGBTpQDycGYSdKLOW6d18XYR+Y2h+cPLq5eXlC/u/Xp5riWe7IdthyV4HSFrvLH+EE4pwo95kpPcTTe3JypeqH/rNb9k/MJT
        xPSCOcp8E/fobde0aFnqJ2Uly1IkrEQHJmtTZFm7Y6GOjmE1VabyxS7Ly7opP4Y+tCoPs5SfQEesygMt5dm0HGT2EkoSm4TdbKfe
        0xzvUGlF8Py4Y1hPztFE+tJNBF5DzgqzyNllLdA6wVQr+grHLJbW+sBb9lO7s7T8LPfJ/ouqbGxiPaYElC+2sTGOGh+FY/DA3Pcm
        ry+oiWbB+/x98S8U81H93d56zTfCbc2AAW+9NmS8u/F/Ek5X0sj90KFbM1+c+skSSmc/v5fnA4YsBswokiRTUKJs5/KybsqPob9Y
        lQdayrPlchZpZe3nyONsYfLFThDM537elgOmX3mCYHOEHjV1cYRgmTnQMnM2m1k+92Ff47Wf+9CTKFq3CnZGFbAzUkjf3+psPPGq
        Oxg1nDrVQLdH168D5M3Cdd7dxk0+V7Fy/mzMHiEggKviQ0LjaNq8Y+HCHTSJhBZQP09630G/gBbd+GRFGKJBfTlY6o492TiySIRj
        PRuQ40IFhb+rl8+arHleE33Dnb3tvQbR/Hgx0ZsTPMaMsn3qBbcBQ+z7jAuDHN2gokK8h3+eazBjWsh7tV3mGgiR62ys62y87lnq
        LvCzuDXS1zkg2Wo9z+nIrubGDH4WrHkphFFqGbQJs3zBw3uqb+BEaAJLYDPZhlPYlx0KLs76K+l7OPFvFzLxCksLqzGwSu3Jq3Bj
        RmOzeQjsTuUEYBGeYG16mqGR7oKWwUQUZtDcaGyf3JBBhJUcehZZ9QQIzHec+D+NmbiVPdqnI9dJLZ4PPpUOP8ffBQmh/B1OIy/6
        jrEH3TBoE6wPXj5x4oqg4cEhev2KSROXA7O41knLg/TBIUHDl02ctEKvD6FV1F7UImQzn33zbbEX5iTepZvY1l30zu00fwxuTggT
        2Ilxt1lMDIE46g98yW//0l3RGzAczdXw9Ivw3ixWMtxnoA0LdOqDQkNCHW0UNAIfPDw0hIbeuchxG7UajTZuslbzXVr63v2paWnp
        7+9NTxPGvbJ03LhXXo2A39YLRcXFCz77U/GCBcWU9gXcFjxFwbfHI53AuS74Cn4K/vVHjDW0zQjYMw8TaUyLRlQCeD0fQHfNnk6e
        wdpg/OH33zvcW736b6RC7E8Ocwpj68u1tfVUflIBdjX084aRA+jHqNIRgZMMty7YWUKExmc9ATGbJ7g4ssAtZMCO+fMyDe8nxMXF
        TR4/fnSiPigoMEk/Mmy8eG3rUoVtfNzq1ZPjetv13zlI7ajziYj08enVyxXgTID5dOyrqWE0rtROKTqBOsDJR55GjrHYSHt5iXj4
        1BgP+I0ZS+83Rg7XB+aOGqX0nT+iZldKSu17H5WUnh47arQQ5uU9cZKXt7fXpIneXnj9ZtdevYJDctz6b6hcNfWRy2culC/s0QMw
        TwSK2QDmNhLm9NP0RO498vJNPB0s1rUKYwj3BpWZeIDYnXF3KPVR22Fmy4RPO28ptDbO7bSjLqTUUKYd3jfe08vLc3xEdPTtxMGD
        ZybVb5+ZNHjYI48OC5g7p+G9uXPnv+gxICx09IABoWEDPAS1VjsmXKuNDB8TGd03ICAmZ0RoaGhu3BB/177Dg6cuHjd27LjFU3OP
        Brm5hWT0c3NzA+pGAKz9ANYBdG+mDmAeLQihwgKQhahAbKhh9hJgXDIiOyhn1Kieg/0DQtfOSDoqETNi1KgWoPiYMWPhzr3zct++
        QMf+dnaTJi9eVXv5k88WLrTtgbd7eT8/adLz3l7sy3Sg6R4xr/Pf4eCycSw5sIHsxxPFPNL0BI3hPoHZd1+r+WP8HiHaHIFczeva
        LgnRTyAO6/j1imlsB0A/fXEJpRtKHoyTpwqEmt6DhWWLFjXvXB23eteC3bt2iY3NzcYj+H3YkCMymYtcR+Lxe+voHJe4XmITd888
        B/uUmrvXgri2kyIyjRLvyqcZcqS/TQ71i3dpqB9hY4Fw25TAWrE4HdFjN9L8kXiX0L9y1lYHtcniPXayZb12BFsvH8GwekgrEuFG
        8DZ+/TWD1nB5M70n6UY56fp46+iLT7To4ckJ/UYHKURHMXe5a1+dnf3oMAXklznTmRqE22S9DIfaExvPffwRaaZgYFuohTXTVAG1
        dM3UqumaaTTg4dfomknbvPYa/aIKfckngMfzGFCVvrX/wPWXc67ID+Wgg9gGJ+EMvAxvxR/hK/g2buOUXF8ulgOLwX3CfcP342fz
        Bfx+/h+CUhgohAqThPnCBrGXOFhMFdeJh8TPxe8UWsUoxURFmmKJYp1it+KU4ieb/jaP2KywOWFz0abV1t420Haaba7tctsXbets
        99ues/3C9tse3j2SeqzosbfHTaWtcqKyRLlKWac8qvxjT9ueAT3n91zX82jPL3sN6BXRK6/X0l6v9jrS62qvu70H9Q7pnd17I1wN
        vf9uN8Au2+4lu132Pezd7J+2P2P/jf39PjZ9lvRZ0+dgny9UvCpcFaeqVm1W1avOqK459HbwdxjrMMXhUYeXHF53eMfhA4dTDhfU
        duoR6ij1VHWyOltdpl6qfka9UV2nblLfVP8ftcmxp6OLo6fjBMd1ji877nB8z/FDx7OO/8dptFOsU6JTilO+02NOK52anb53euBs
        46x29nAe4hzqPN55ivMG51rn3c4HnT92/rPzVedWl/EuU1zmumS5lLpUu+xxOeTyicvlvlzfwL5j+8b3fbRvcd9lfdf33dP3XN+7
        ro6uWtdHXNNdq133u7b169PP0G97vw/7fdrv7/2Im8pN4zbDLcNtIfOrYDWYf+Bcjx3THrUf/Q/kYcuY+mXAlpnm508lbbvtz/XI
        gra2UowLIeEcMnBnwNxtxx7CEHRCsRetEZ9D22wFFKloRZVcKTrB16M9kOoEf+QL9Zd4JSrgp6EieH7G0X38cygN0k1ItZBWQ0qG
        tBVStfxeBSmX16MbkJbRMcxJqEM1AOkqRSBSKlzRIbDLBkUdPBdJSfEcvDegQ1wrTaYahR7KoZ3NXaiDcgXAL16RngpfqDuB1ovl
        MFY1lMGYthdQuGII0olnTS3iOZRMcaEww3MNzH+eCj+k+aIBzRIPol3CEfZMFgvQLL4S+tF8A9rFHaHJdEicJuVtk9BOWi5WS/1o
        O/4O9D8BeF5AblC3TQxFHjYZKFb0RR6QdxXq6VgYcS1YoE+Kv5n2QJ/djE4uaBI8XWkbgMsO0klQcjdhBdBzCNrK6A+0Z2VQB6mB
        lS0DnixDcwSEC8RmGMsFvDvgD7wroLwS+pdD/2O2sShDTtmU9ozuXSTb3TQ+A7Rd1M4LmoAPzhIvEA8pAubWmvnwUNoLOJ5DfowX
        Vonx4iY8jwHdKN27SLZpaBbjRUHHBDxolHlxA56ejP5mPnRKlC7wTGC8sE7AC8YzeNKxgIarIDVDqoNUCPJYCLS7AInScD19ipHo
        AqRDojvWQX0tTiLZQNfR+Bij+whIqZASICVCiocUIYSh1TQBr3QUFoTaThoL2uraGtpWUX21KSDgN/bR/lRyP8j+XCe7jNBlhIUX
        uUPUOxf14iYaF5Se/EXQWQdQ9562PK8QOE5YSv0VRM+jpd9Uw4QMpEGagQ4KR+KIN9sU4GZw+E2wK5N+HJJ60BNAzJ4C7M8Qcob9
        IA8ryRJk0jhq3DUDNT6aBZpK7cCBDqyvBm3TqDV9WXmxpkwqN103Hf3y3S93f7nzyx1fPvrlvGv7r55+CJv2Xw9UQmcV6FckAQwO
        msfIGd6kPIdscbSc55EGJ8h5wSovor64UM4r0AD8pJzv7T0S18l5O5TtcxWNR0WoGFXArDkoC7AsAywGoXTkC88gFACXHnJp0EKD
        IqFNGSqFVIIyUSoqAN9PA3QthPbDIBeB8uHSoGmWsUrZWyY8M6HPQrhnQEvlL5g1xDJrIsy0EObKhT6F0JrCkQp9ft2MUZDLhX5J
        qBxapEPbVDZaJuuRyjDSwCiFcC+GNmkwbg6000D/Ipg9ldV1Hmc6G6UUICqC9hnd1Gos9UkMqlIYq4jNFASw6VFoh37mXn6WXtGs
        dVkHSM3UepgntI5in8komAkjFKFF0JbS67ehAh0pBmoqoE0265kDdcXQogTgoBTXIAPkixg0EWzUhaysezzauVzegcvdYaOEqyvc
        JQqnQs6aag/LmxLo+69fyl8kw7+95mj+Cc45UKNkuTJWkgE1BYzWeVBWBBz4Z7BQzKay8QrYaO2ymsNgymZ1mTJeWWyWQpnrQ2W+
        S9ySZpNkrITJ2FAGVxHjfiHrXyzrgzRDEYxaJstYjiwFqWwMidJKecwyBkVneUpn7agcSqObR6CtJdglWc5k2iXJ3kArKRnIOEf7
        ZrBnKYMrHfqkyvgpmRakg4QWsFHKWI2ZPgbI5cuaNMgCY/sM1B5Q+MtAfiXppzO204SWFDOtyYAZ0llvMzQZDIMyJmtpUFvGaqU5
        lD8zw1BZm9MBsnI2ikSTRUwGsqF1OeuXzzQ4pxNGZhxKOkilBG05o+FQK+7QfAHjp8RrpZUFKYXeQ7vBY6gFT39mQTRsZEkfpLFz
        ZKp25P7PY22mnARtsUWiyxhc7VLXjtEiRo+CXzSDWRsMgEMJk9ZS1qd9xgx2p3MMZU9KiVxokc7Gk9qY+Wdgdl6ybGYOpbO5MxjE
        OTKkI5l2JsrQpcKIRcwytPPA2ha1U+BhS1AI7ctkbSjt0NasK8Vd2gDrfhqGcyqDXMlsc0dZk6ghrSWpP8NPOrJkL0qYBBXJFP6l
        3KZtKhi8BmYF6NjDOlDq5/pSmlTIa4s0O6W5gcGYIUtSPpPTEkuJBCmlaYYVz62lzryCprIVMYfZjHz2prRglMEgpfwqtKJGVod1
        VZrJbENTmfRIsmueozN9Sv8pTmYolTIG7RKWynj0yyHoOE9nenQF21CZ3/msX0431lxp4U4Js7OpzK60j2suKbVIpFlfOq8embKd
        y2RYmGdaxLDKYP0HdrEeDrTg3bmHEurMq+1AKymTdCau0/qSxvS9yArWclkPzHKyEGpzuqBYJnqM0blQ1uRiuKTVK5VZ1ExLD2u+
        SzCbS5Rdako2s/Aa9iyVYcxkktSdnJhtXVe2O4OtBIWM79b06oqqSivKWfPwX9XVUtk71siYmLXNrEmpbF0z+x4lco+OIxYzic6D
        e5bMMWk9pFKltFjVf6el6h6rNFlHyuT10GChVCyawOaZghLgjc4zBd4S0UzwI6exuolQpgE/bhrUJMFbFJRGMb5EsBpaP5Bp40zI
        0xGnoBlsLGmMaXCnY8+GEjq2hr3Tt8nQPgHGon0noFlsjgkw2nSAbArk6djxUBoHzwlyO9pjPJTMgHeaj2FeqDRfAvRKZLpD+1FY
        JEgTobx91o5QTWQzmiGLh7dpMH6sXBsBY09k41H4hzL/iOYTZDglyk1jo1Ma0ZHpmOMBojj2RktnwHMqtJvO6BnBcJagTWA4REO9
        hMsEBoHECQmi8fCcCnPTFjEAVyKjAp0pUW45lPGR4hPF+tNZJ7NWEmRTZC5PY7sA8yjDZFpKcFD6J1lmns7wj4NLw/BPhJJExpsI
        GN88rll2YtgIFG4lo8YMhl8Eo8MUNkMka0epSOkZZ5G4aVZcGc/oRfk2lO0tIxgmMRbudMbEPJo1d7qSDqVlhhiG3wRGqTjWejrQ
        cQK0n2gpkeRxIsN1vExraUxJ7iWZiLOi7niGI+XsIzDrBFmmIhjtOmJB+TSTwd+OhcSBCPk+3opm7dxPkLlrhieRzZzYBVVmMl2c
        wFpFMF5Pt+hINNPfeBnyGRYJa7cBM2T5nGKBrCN9zXpkbvdLbIc0lnnujhyMYvIUJ0M43UINqYXyZ8aVbNcEWNfS2T6nzGK3O67c
        1l5juzdq7XcOtbK11p6AZIVjWNuCTu3aS6XdkrRmte91rH23rnbY5t3x0A5eb7v3IdluaU9k7fVmMP9c8gFLLV5JEfMDiyyeySJW
        m2m1W5FiJ0Ud9nl05lS29g+1zGVei4qsvJwMBnW+PFtpF9TsfoVSPrQzLGbrvTTLIpYvkz0Til+53JaWP95pN1zSaTfVzgNNlzww
        49KV52BN/xLG72J5L5XDKEz9yWHyuCWWfVk7TSgFDKyuoBPX26WPjjbyoahCGfOI2yHPYLRWsrGy2JxKZq/MMa7fP+r0W0dO/5vi
        QcoO8SDNfywepOwyHqT5D8eDlL8oHtTRk0+3gqn0oX3GL4ugdhVhUf5ucSXNQ3El5f+PK1nFlZQd9OH/vbiSssMK+/vFlZT/pXEl
        ZZdxJc1/OK6k/Jl4wX8mrqT81XElzb8lrqTsJq7U3erbfXRJ2p9LnsR/W3RJ2Sm6pPkdo0vKn6GuxoqC/91RJiWTMc1/QZRJ+V8c
        ZVJ2ijJpfpcok/KfRpk0/7Eok/JXRJk0/7Yok5LRIAlGncSglagdAfX/udiRskue/16xI+VDsSPN7xY7UnYbO9L8B2NHyl8RO9L8
        brEjs2XtfkV5OOKj/BciPpp/U8RH+b+K+Gh+o4iP0iri83Nxh98iQlP20PjjrCINSjYPfRvGdixlgNFI2AP6Mzrlsr7lUFfKMC5h
        cmGQ4zmZUE7lqAxaU7rkQfJnsGUwr2kY81+LoayjN8ZLH++Z/kr/NleXP45+Vcz+/jj99q+XpZS+fwjpI0S/cTyPvmD1NFE8RiMu
        KjouEdnlp5YVor7S1+jsW0NzjrXOyywplP4tLZYE9gUj+465x59oS2Vsz0igia4rwMgFGCfPVGeaTXO/8ufDkk97gSnVdMxUbqqD
        3OiHm5v2S6lTaRQqgdTNz/S26Vm4P4t+/c//IVh//W+ynH6mvynvlw9nusxovt90jFwwPWty6rLNUxRrGfcquG9m+WelOrjeZtdm
        5EPe/rlZWO7X8xSZEuRnnZSsx2t/63CnUJ6R3qWra3pR3pO3TfvJ30ypkDvWzfzlnaWE+EJyYtj4UIykuSztz9D2D8vVP/uRp0yX
        6T8q07XsdZrjsrUUmc5Y1YaRVBnXf03Cfk6zrCGos+S60YX2Fv+Uw3X/G9DIZXKBnAHpTe1K08g98gP5geV+MHnQBPN5mHqzeZNN
        o01DTePASoTTlh1gOvZbkI3cM+VBqqMy1FluJcoB3Jct2rS/nb9Qbr6olfJgpbOpXQSL1iW92q0ZSF/nmfabrw6ls3/ODnaWOet5
        OtQxuSBvAxfeNiUARbsYjcq0JNfyPc8K0yjLlUe1oLPN+H1+3fOfcuxfsv8dfzX0f177RZCc+RlegOZb21S6ZpL/PeWSJK5S+TDL
        yG9A0Sop/UajpXZnKf+l0cyW/KGV5WFd+hWjOnWwbT6WFbwbW/GLrQpdrf5moqvQ5n/dMnVhd7tdMbrxxTB4snZoIPJEXsgb/LlB
        4CH7oQAUiIKQHg1HwSgEhaIRKAzajQKvOwb81Omwj5oFfulStAwtRyvQSvQkWoWeRc+j9egF9CLagDaiTWgzehltQa+gbeg1VIte
        R3XoDXQYPNOP0Wn0CfiTvjDrQJjfEy4OZvcCz9UbLgGg0CERIBmEFADNUGTDzipt2VlkD4AsEDzZILh6AoR68HyHw9UbIA0GTELg
        sgeIQ1EfgHoEUgHkYcgBoB+J1IDBKOQIWEQiJ8AkBjmzyIMLi6/0BaxmIlfAbBbqB9jNQW6A4UqA8Em4HAHDVQDhs3AJgOkGgGQj
        XP0B0y0w4ytwqQHXN2Dkw3C5AaYfwv1juNwB49NoAGD9CaL/BnwIQNsbxrWDi4O+9jCuG4wkMIqIjBYKNAQuG4azLcOwB8NQyTDs
        yTDsxTDszTC0YxjaM9z6wM44CjCPhssBTYJLDXvneMBhKlxODFtn2FMlAuZJcHWHucgw788wVzCcbRnO7gznngxne8B5G+D2Glx9
        gM9vQH47XB5oB1wqVA+XBr0JlwPaid6CfANcWvQeXE5oL9oH+QNwDUR/gMsTHYSrL/oAHYK8NR1PweXF6OiNzsLlY9nTPA8y58j2
        NI+nlqSmoZWpJQWFaGVaSWoOWpmeWlgK9+zMErhXlOSjlVmZRZDPKsnMQyuzUwuhTXZmGpTkpRamopX5qUUaeoe90cqC1LJstLIw
        j5YUZaUWoJUl5YXQssxQmAX3bDq+1f7J8vu/O9j8y9hzAAA=
        """;
}
